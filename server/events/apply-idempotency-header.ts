import { invalid } from "@/server/errors";
import type { IngestBody } from "./ingest-schemas";

const HEADER_PATH = ["headers", "Idempotency-Key"];

/**
 * An `Idempotency-Key` header is the key of a single event, and the base of `<key>:<index>` for
 * each event of a batch without its own. A single event with a different key in its body is refused.
 */
export function applyIdempotencyHeader(body: IngestBody, header: string | null | undefined): IngestBody {
  if (header === null || header === undefined) return body;
  const key = header.trim();
  if (key === "" || key.length > 255) {
    throw invalid("The Idempotency-Key header must be 1–255 characters", [
      { path: HEADER_PATH, message: "must be 1–255 characters" },
    ]);
  }
  if ("events" in body) {
    return { events: body.events.map((e, i) => ({ ...e, idempotencyKey: e.idempotencyKey ?? `${key}:${i}` })) };
  }
  if (body.idempotencyKey !== undefined && body.idempotencyKey !== key) {
    const message = "idempotencyKey in the body differs from the Idempotency-Key header; send one of them";
    throw invalid(message, [{ path: ["idempotencyKey"], message }]);
  }
  return { ...body, idempotencyKey: key };
}
