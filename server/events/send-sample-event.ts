import type { RunnerContext } from "@/server/auth/actor";
import { ingestEvents } from "./ingest-events";
import type { SendSampleEventInput } from "./send-sample-event-schema";

/**
 * Sends a sample (or edited) event through the real ingestion path: catalog validation (issues
 * at `data.<field>`), the size limit, the event and its deliveries in one transaction, the runner
 * woken. `user.signup` is refused by ingestion, as for any client: storefront sign-ups emit it.
 */
export async function sendSampleEvent(ctx: RunnerContext, input: SendSampleEventInput) {
  const result = await ingestEvents(ctx, { type: input.type, data: input.data });
  return { id: (result as { id: string }).id };
}
