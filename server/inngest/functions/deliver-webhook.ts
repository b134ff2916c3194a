import { getDb } from "@/server/db";
import { attemptDelivery, type AttemptDeps } from "@/server/delivery/engine/attempt-delivery";
import { failDelivery } from "@/server/delivery/engine/fail-delivery";
import { markEnqueued } from "@/server/delivery/runners/mark-enqueued";
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
 *
 * One live run per delivery: `singleton` keyed by delivery id in `cancel` mode, so a manual retry,
 * a resume or a replay that asks again replaces a run asleep until a later retry instead of
 * adding a second one. Each step marks the delivery as held by this run until it next wakes
 * (markEnqueued), which is how the sweep tells a sleeping or queued run from a lost one.
 */
export function createDeliverWebhook({ getDeps = async () => ({ db: await getDb() }) }: Options = {}) {
  return inngest.createFunction(
    {
      id: "deliver-webhook",
      name: "Deliver webhook",
      triggers: [{ event: DELIVERY_REQUESTED }],
      concurrency: [{ key: "event.data.endpointId", limit: getEnv().WEBHOOK_MAX_IN_FLIGHT }],
      singleton: { key: "event.data.deliveryId", mode: "cancel" },
      retries: 5,
      onFailure: async ({ event, error }) => {
        const { deliveryId, endpointId } = event.data.event.data as DeliveryRequestedData;
        const { db } = await getDeps();
        const { released } = await failDelivery(
          db,
          deliveryId,
          `Delivery stopped after repeated internal errors: ${error.message}`,
        );
        if (released.length) await inngest.send(released.map((id) => requested(id, endpointId, deliveryId)));
        return { deliveryId, status: "failed" as const };
      },
    },
    async ({ event, step }) => {
      const { deliveryId, endpointId } = event.data as DeliveryRequestedData;
      for (let n = 1; n <= MAX_ROUNDS; n++) {
        const result = await step.run(`attempt-${n}`, async () => {
          const deps = await getDeps();
          const outcome = await attemptDelivery(deps, deliveryId);
          await markHeld(deps.db, deliveryId, outcome);
          return outcome;
        });
        // The next delivery of the message waited for this one: its run starts now.
        if (result.released?.length)
          await step.sendEvent(
            `release-${n}`,
            result.released.map((id) => requested(id, endpointId, deliveryId)),
          );
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

/** The event that starts a delivery's run once the one before it (same message) has ended. */
function requested(id: string, endpointId: string, after: string) {
  return { name: DELIVERY_REQUESTED, data: { deliveryId: id, endpointId }, id: `${id}-after-${after}` };
}

export const deliverWebhook = createDeliverWebhook();

/** The run holds the delivery until it wakes (retry, deferred), or no longer (paused: resume re-enqueues). */
async function markHeld(
  db: AttemptDeps["db"],
  deliveryId: string,
  outcome: Awaited<ReturnType<typeof attemptDelivery>>,
) {
  const at =
    outcome.status === "retry" || outcome.status === "deferred"
      ? new Date(outcome.retryAt)
      : outcome.status === "skipped" && outcome.reason === "paused"
        ? null
        : undefined;
  if (at === undefined) return; // finished: the sweep never looks at it again
  // Only a hint for the sweep: losing it must not fail (and so repeat) an attempt already recorded.
  await markEnqueued(db, [deliveryId], at).catch((err) =>
    console.error("[hookline] deliver-webhook: could not mark the delivery as held:", err),
  );
}
