import { retryDelivery } from "@/server/delivery/queries/retry-delivery";
import { json } from "@/server/rest/respond";
import { getRestRunner } from "@/server/rest/rest-runner";
import { withApiKey } from "@/server/rest/with-api-key";

/** POST /api/v1/deliveries/{id}/retry — sends it again now (recorded as a manual attempt); 202. */
export const POST = withApiKey<{ id: string }>(async ({ db, actor, params }) =>
  json(await retryDelivery({ db, accountId: actor.accountId, runner: await getRestRunner() }, params.id), 202),
);
