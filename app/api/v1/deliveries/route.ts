import { listDeliveries } from "@/server/delivery/log/list-deliveries";
import { listDeliveriesSchema } from "@/server/delivery/schemas";
import { json } from "@/server/rest/respond";
import { parseQuery } from "@/server/rest/parse-query";
import { withApiKey } from "@/server/rest/with-api-key";

const querySchema = listDeliveriesSchema.strict();

/**
 * GET /api/v1/deliveries?endpointId=&eventId=&eventType=&status=&since=&until=&cursor=&limit= — the
 * account's deliveries, newest first, `{ data, nextCursor }` (`since`/`until`: ISO 8601 times, on
 * the creation time); pass `nextCursor` as `cursor` for the next page. Bad values: 422 naming them.
 */
export const GET = withApiKey(async (ctx) => json(await listDeliveries(ctx, parseQuery(ctx.req, querySchema))));
