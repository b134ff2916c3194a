import { getDb } from "@/server/db";
import { attemptDelivery, type AttemptDeps } from "@/server/delivery/engine/attempt-delivery";
import { failDelivery } from "@/server/delivery/engine/fail-delivery";
import { getEnv } from "@/server/env";
import { DELIVERY_REQUESTED, inngest, type DeliveryRequestedData } from "@/server/inngest/client";

/** Attempts + waits per run before it hands over to a fresh run (a run holds at most 1,000 steps). */
const MAX_ROUNDS = 400;

type Options = { getDeps?: () => Promise<AttemptDeps> };

/**
 * The Inngest runner's function: attempt, sleep until the retry (or rate-limit slot) is due,
 * attempt again, until the delivery succeeds or fails for good. Every attempt goes through the
 * same attemptDelivery as the local runner, which claims the delivery first, so a second run for
 * the same delivery (a manual retry, a resume) never sends it twice. `retries` covers
 * infrastructure errors inside a step (database unreachable); when they run out, onFailure marks
 * the delivery failed so it shows up and can be retried by hand.
 */
export function createDeliverWebhook({ getDeps = async () => ({ db: await getDb() }) }: Options = {}) {
  return inngest.createFunction(
    {
      id: "deliver-webhook",
      name: "Deliver webhook",
      triggers: [{ event: DELIVERY_REQUESTED }],
      concurrency: [{ key: "event.data.endpointId", limit: getEnv().WEBHOOK_MAX_IN_FLIGHT }],
      retries: 5,
      onFailure: async ({ event, error }) => {
        const { deliveryId } = event.data.event.data as DeliveryRequestedData;
        const { db } = await getDeps();
        await failDelivery(db, deliveryId, `Delivery stopped after repeated internal errors: ${error.message}`);
        return { deliveryId, status: "failed" as const };
      },
    },
    async ({ event, step }) => {
      const { deliveryId } = event.data as DeliveryRequestedData;
      for (let n = 1; n <= MAX_ROUNDS; n++) {
        const result = await step.run(`attempt-${n}`, async () => attemptDelivery(await getDeps(), deliveryId));
        if (result.status !== "retry" && result.status !== "deferred") return { deliveryId, ...result };
        await step.sleepUntil(`wait-${n}`, new Date(result.retryAt));
      }
      await step.sendEvent("continue", {
        name: DELIVERY_REQUESTED,
        data: event.data,
        id: `${deliveryId}-continued-${event.id ?? ""}`,
      });
      return { deliveryId, status: "continued" as const };
    },
  );
}

export const deliverWebhook = createDeliverWebhook();
