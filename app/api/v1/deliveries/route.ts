import { listDeliveries } from "@/server/delivery/queries/list-deliveries";
import { listDeliveriesSchema } from "@/server/delivery/queries/schemas";
import { json, RestError, zodIssues } from "@/server/rest/respond";
import { withApiKey } from "@/server/rest/with-api-key";

// Unknown query parameters are refused: a misspelt filter must not quietly list everything.
const querySchema = listDeliveriesSchema.strict();

/**
 * GET /api/v1/deliveries?endpointId=&eventId=&eventType=&status=&since=&until=&cursor=&limit= — the
 * account's deliveries, newest first, `{ data, nextCursor }` (`since`/`until`: ISO 8601 times, on
 * the creation time); pass `nextCursor` as `cursor` for the next page. Bad values: 422 naming them.
 */
export const GET = withApiKey(async ({ req, db, actor }) => {
  const params = new URL(req.url).searchParams;
  const repeated = [...new Set([...params.keys()].filter((k) => params.getAll(k).length > 1))];
  if (repeated.length) {
    throw new RestError("validation_failed", "Give each query parameter once", repeated.map((k) => ({ path: [k], message: "is given more than once" })));
  }
  const query = querySchema.safeParse(Object.fromEntries(params));
  if (!query.success) throw new RestError("validation_failed", "The query parameters are not valid", zodIssues(query.error));
  return json(await listDeliveries({ db, accountId: actor.accountId }, query.data));
});
