import { applyIdempotencyHeader } from "@/server/events/apply-idempotency-header";
import { ingestEvents } from "@/server/events/ingest-events";
import { ingestBodySchema, MAX_REQUEST_BYTES } from "@/server/events/ingest-schemas";
import { listEvents } from "@/server/events/list-events";
import { listEventsSchema } from "@/server/events/list-events-schema";
import { parseQuery } from "@/server/rest/parse-query";
import { json } from "@/server/rest/respond";
import { withApiKey } from "@/server/rest/with-api-key";

/**
 * POST /api/v1/events — one event `{ type, data, idempotencyKey? }` or `{ events: [...] }` (1–1000),
 * 5 MB per request, 256 KB per event. Answers 202 `{ id }` / `{ ids }` once the events and their
 * deliveries are stored; delivery happens in the background. An `Idempotency-Key` header is the
 * key of a single event, and the base of `<key>:<index>` for each event of a batch without its own.
 */
export const POST = withApiKey(
  async (ctx) => {
    const input = applyIdempotencyHeader(ctx.body, ctx.req.headers.get("idempotency-key"));
    return json(await ingestEvents(ctx, input), 202);
  },
  { body: ingestBodySchema, maxBodyBytes: MAX_REQUEST_BYTES },
);

const listQuerySchema = listEventsSchema.strict();

/**
 * GET /api/v1/events?search=&type=&status=&from=&to=&cursor=&limit= — the account's events, newest first,
 * each with its delivery counts and overall status, `{ data, nextCursor }`. Bad values: 422.
 */
export const GET = withApiKey(async (ctx) => json(await listEvents(ctx, parseQuery(ctx.req, listQuerySchema))));
