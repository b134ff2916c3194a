import type { Inngest } from "inngest";
import { DELIVERY_REQUESTED, type DeliveryRequestedData } from "@/server/inngest/client";
import type { DeliveryItem, DeliveryRunner } from "@/server/delivery/delivery-runner";

const BATCH = 500;

/**
 * Hands deliveries to Inngest, one event per delivery. The event id is the delivery id (or the
 * item's dedupe key), so a repeated enqueue within Inngest's 24 h dedupe window starts no
 * second run; manual retries and resumes pass a fresh key.
 */
export class InngestRunner implements DeliveryRunner {
  constructor(private readonly client: Inngest.Any) {}

  async enqueue(items: DeliveryItem[]) {
    for (let i = 0; i < items.length; i += BATCH) {
      await this.client.send(
        items.slice(i, i + BATCH).map((d) => ({
          name: DELIVERY_REQUESTED,
          id: d.dedupeKey ?? d.id,
          data: { deliveryId: d.id, endpointId: d.endpointId } satisfies DeliveryRequestedData,
        })),
      );
    }
  }
}
