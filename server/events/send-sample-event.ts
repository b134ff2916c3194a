import type { Db } from "@/db";
import type { DeliveryRunner } from "@/server/delivery/runners/delivery-runner";
import { DomainError } from "@/server/errors";
import { ingestEvents } from "./ingest-events";
import { MAX_EVENT_BYTES } from "./ingest-schemas";
import type { SendSampleEventInput } from "./send-sample-event-schema";

/**
 * Sends a sample (or edited) event through the real ingestion path: catalog validation (issues
 * at `data.<field>`), the event and its deliveries in one transaction, the runner woken.
 * `user.signup` is refused by ingestion, as for any client: storefront sign-ups emit it.
 */
export async function sendSampleEvent(
  { db, accountId, runner }: { db: Db; accountId: string; runner: DeliveryRunner },
  input: SendSampleEventInput,
) {
  const size = Buffer.byteLength(JSON.stringify(input.data), "utf8");
  if (size > MAX_EVENT_BYTES) {
    throw new DomainError(
      "PAYLOAD_TOO_LARGE",
      `The event data is ${Math.ceil(size / 1024)} KB; at most ${MAX_EVENT_BYTES / 1024} KB per event`,
      [{ path: ["data"], message: `at most ${MAX_EVENT_BYTES / 1024} KB` }],
    );
  }
  const result = await ingestEvents({ db, accountId, runner }, { type: input.type, data: input.data });
  return { id: (result as { id: string }).id };
}
