import { getDelivery } from "@/server/delivery/queries/get-delivery";
import { json } from "@/server/rest/respond";
import { withApiKey } from "@/server/rest/with-api-key";

/** GET /api/v1/deliveries/{id} — one delivery with its event, endpoint and every attempt (`attemptLog`). */
export const GET = withApiKey<{ id: string }>(async ({ db, actor, params }) =>
  json(await getDelivery({ db, accountId: actor.accountId }, params.id)),
);
