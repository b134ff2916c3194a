import type { Inngest } from "inngest";
import type { Db } from "@/db";
import { DELIVERY_REQUESTED, type DeliveryRequestedData } from "@/server/inngest/client";
import type { DeliveryItem, DeliveryRunner } from "@/server/delivery/delivery-runner";
import { markEnqueued } from "./mark-enqueued";

const BATCH = 500;
/** How long a caller (a request) waits for Inngest to accept the events. */
const ENQUEUE_DEADLINE_MS = 1_000;

/** Inngest did not confirm the hand-off in time; the deliveries are safe in the database. */
class EnqueueTimeoutError extends Error {}

/** The events that ask Inngest to run deliver-webhook for these deliveries. */
export function deliveryEvents(items: DeliveryItem[]) {
  return items.map((d) => ({
    name: DELIVERY_REQUESTED,
    id: d.dedupeKey ?? d.id,
    data: { deliveryId: d.id, endpointId: d.endpointId } satisfies DeliveryRequestedData,
  }));
}

/**
 * Hands deliveries to Inngest, one event per delivery. The event id is the delivery id (or the
 * item's dedupe key), so a repeated enqueue within Inngest's 24 h dedupe window starts no
 * second run; manual retries and resumes pass a fresh key, and deliver-webhook's singleton (keyed
 * by delivery) then replaces the delivery's live run instead of adding one. Once Inngest accepted
 * the events, the deliveries are marked as held by a run (markEnqueued), so the sweep leaves them.
 *
 * The caller waits at most `deadlineMs`: an unreachable or hanging Inngest costs a request no
 * more than that (the client's fetch also times out each request). The deliveries are in the
 * database either way; unmarked ones are sent again by the sweep.
 */
export class InngestRunner implements DeliveryRunner {
  constructor(
    private readonly client: Inngest.Any,
    private readonly db: Db,
    private readonly deadlineMs = ENQUEUE_DEADLINE_MS,
  ) {}

  async enqueue(items: DeliveryItem[]) {
    if (!items.length) return;
    const sending = this.sendAll(items);
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new EnqueueTimeoutError(`Inngest did not accept ${items.length} event(s) within ${this.deadlineMs} ms`),
          ),
        this.deadlineMs,
      );
    });
    // Past the deadline the send may still finish (and mark its deliveries); a failure then is logged.
    sending.catch((err) => {
      if (settled) console.error("[hookline] Inngest enqueue failed after its deadline; the sweep will resend:", err);
    });
    try {
      await Promise.race([sending, deadline]);
    } finally {
      settled = true;
      clearTimeout(timer);
    }
  }

  private async sendAll(items: DeliveryItem[]) {
    for (let i = 0; i < items.length; i += BATCH) {
      const batch = items.slice(i, i + BATCH);
      await this.client.send(deliveryEvents(batch));
      await markEnqueued(
        this.db,
        batch.map((d) => d.id),
        "now",
      );
    }
  }
}
