import type { FieldIssue } from "@/server/errors";
import { ingestEvents } from "@/server/events/ingest-events";
import { listEvents } from "@/server/events/list-events";
import { listEventsSchema } from "@/server/events/list-events-schema";
import { ingestBodySchema, MAX_EVENT_BYTES, MAX_REQUEST_BYTES, type IngestBody } from "@/server/events/ingest-schemas";
import { json, RestError } from "@/server/rest/respond";
import { parseQuery } from "@/server/rest/parse-query";
import { getRestRunner } from "@/server/rest/rest-runner";
import { withApiKey } from "@/server/rest/with-api-key";

/**
 * POST /api/v1/events — one event `{ type, data, idempotencyKey? }` or `{ events: [...] }` (1–1000),
 * 5 MB per request, 256 KB per event. Answers 202 `{ id }` / `{ ids }` once the events and their
 * deliveries are stored; delivery happens in the background. An `Idempotency-Key` header is the
 * key of a single event, and the base of `<key>:<index>` for each event of a batch without its own.
 */
export const POST = withApiKey(
  async ({ req, db, actor, body }) => {
    const input = withIdempotencyHeader(body, req.headers.get("idempotency-key"));
    checkEventSizes(input);
    const result = await ingestEvents({ db, accountId: actor.accountId, runner: await getRestRunner() }, input);
    return json(result, 202);
  },
  { body: ingestBodySchema, maxBodyBytes: MAX_REQUEST_BYTES },
);

const listQuerySchema = listEventsSchema.strict();

/**
 * GET /api/v1/events?type=&status=&from=&to=&cursor=&limit= — the account's events, newest first,
 * each with its delivery counts and overall status, `{ data, nextCursor }`. Bad values: 422.
 */
export const GET = withApiKey(async ({ req, db, actor }) =>
  json(await listEvents({ db, accountId: actor.accountId }, parseQuery(req, listQuerySchema))),
);

const HEADER_PATH = ["headers", "Idempotency-Key"];

function withIdempotencyHeader(body: IngestBody, header: string | null): IngestBody {
  if (header === null) return body;
  const key = header.trim();
  if (key === "" || key.length > 255) {
    throw new RestError("validation_failed", "The Idempotency-Key header must be 1–255 characters", [
      { path: HEADER_PATH, message: "must be 1–255 characters" },
    ]);
  }
  if ("events" in body) {
    return { events: body.events.map((e, i) => ({ ...e, idempotencyKey: e.idempotencyKey ?? `${key}:${i}` })) };
  }
  if (body.idempotencyKey !== undefined && body.idempotencyKey !== key) {
    const message = "idempotencyKey in the body differs from the Idempotency-Key header; send one of them";
    throw new RestError("validation_failed", message, [{ path: ["idempotencyKey"], message }]);
  }
  return { ...body, idempotencyKey: key };
}

function checkEventSizes(body: IngestBody) {
  const list = "events" in body ? body.events : [body];
  const issues: FieldIssue[] = [];
  list.forEach((e, i) => {
    const bytes = Buffer.byteLength(JSON.stringify(e.data), "utf8");
    if (bytes > MAX_EVENT_BYTES)
      issues.push({
        path: "events" in body ? ["events", i, "data"] : ["data"],
        message: `is ${Math.ceil(bytes / 1024)} KB; at most ${MAX_EVENT_BYTES / 1024} KB per event`,
      });
  });
  if (issues.length)
    throw new RestError("payload_too_large", `Events may be at most ${MAX_EVENT_BYTES / 1024} KB each`, issues);
}
