import { getDelivery } from "@/server/delivery/log/get-delivery";
import { json } from "@/server/rest/respond";
import { withApiKey } from "@/server/rest/with-api-key";

/** GET /api/v1/deliveries/{id} — one delivery with its event, endpoint and every attempt (`attemptLog`). */
export const GET = withApiKey<{ id: string }>(async (ctx) => json(await getDelivery(ctx, { id: ctx.params.id })));
