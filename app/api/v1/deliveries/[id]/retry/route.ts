import { retryDelivery } from "@/server/delivery/commands/retry-delivery";
import { json } from "@/server/rest/respond";
import { withApiKey } from "@/server/rest/with-api-key";

/** POST /api/v1/deliveries/{id}/retry — sends it again now (recorded as a manual attempt); 202. */
export const POST = withApiKey<{ id: string }>(async (ctx) =>
  json(await retryDelivery(ctx, { id: ctx.params.id }), 202),
);
