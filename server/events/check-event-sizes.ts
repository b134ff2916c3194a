import { DomainError, type FieldIssue } from "@/server/errors";
import { MAX_EVENT_BYTES, type IngestBody } from "./ingest-schemas";

/** At most MAX_EVENT_BYTES (256 KB) of data per event, for every way events come in. */
export function checkEventSizes(body: IngestBody) {
  const batch = "events" in body;
  const list = batch ? body.events : [body];
  const issues: FieldIssue[] = [];
  list.forEach((e, i) => {
    const bytes = Buffer.byteLength(JSON.stringify(e.data), "utf8");
    if (bytes > MAX_EVENT_BYTES)
      issues.push({
        path: batch ? ["events", i, "data"] : ["data"],
        message: `is ${Math.ceil(bytes / 1024)} KB; at most ${MAX_EVENT_BYTES / 1024} KB per event`,
      });
  });
  if (issues.length)
    throw new DomainError("PAYLOAD_TOO_LARGE", `Events may be at most ${MAX_EVENT_BYTES / 1024} KB each`, issues);
}
