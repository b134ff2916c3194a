import type dns from "node:dns";
import { decideAfterManual, scheduledAttemptNumber } from "@/server/delivery/policy/decide-after-manual";
import { decideNext } from "@/server/delivery/policy/decide-next";
import { sendOnce } from "@/server/delivery/send-once";
import type { SendableEndpoint } from "@/server/endpoints/decrypt-endpoint";
import { inCatalogOrder } from "@/server/events/catalog";
import type { ClaimedDelivery } from "./claimed-delivery";
import { paceEndpoint } from "./pace-endpoint";
import type { AttemptRecord } from "./record-attempts";

/** In-process pacing runs 10 % under the limit (see paceEndpoint). */
const PACING_MARGIN = 1.1;

export type SendDeps = {
  allowPrivateNetworks: boolean;
  /** Retry delays in ms. */
  schedule: number[];
  lookup?: typeof dns.lookup;
  random?: () => number;
};

/**
 * One attempt of a claimed delivery: the one send path (render → sign → send; the delivery id is
 * the `webhook-id`, the same on every re-send), then the retry policy. Returns what to record.
 */
export async function sendClaimed(
  claimed: ClaimedDelivery,
  endpoint: SendableEndpoint,
  deps: SendDeps,
): Promise<AttemptRecord> {
  const { event } = claimed;
  const perSecond = claimed.endpoint.rateLimitPerSecond;
  const { request, outcome } = await sendOnce({
    config: endpoint.config,
    secrets: endpoint.secrets,
    event: { id: event.id, type: event.type, data: inCatalogOrder(event.type, event.data), createdAt: event.createdAt },
    msgId: claimed.id,
    allowPrivateNetworks: deps.allowPrivateNetworks,
    lookup: deps.lookup,
    // A request held up on its way (a busy event loop, a new connection) must not land inside
    // the receiver's window of the next one.
    beforeSend: perSecond ? () => paceEndpoint(claimed.endpointId, (1000 / perSecond) * PACING_MARGIN) : undefined,
  });
  const at = new Date();
  const attemptNumber = claimed.attempts + 1;
  return {
    delivery: { id: claimed.id, accountId: claimed.accountId, endpointId: claimed.endpointId },
    adaptive: claimed.endpoint.adaptiveThrottle,
    attemptNumber,
    trigger: claimed.nextTrigger,
    request,
    outcome,
    // A manual attempt (Retry, replay) is extra: it neither uses up a step nor moves the next one.
    decision:
      claimed.nextTrigger === "manual"
        ? decideAfterManual(
            outcome,
            { resumeAt: claimed.resumeAt, scheduledAttempts: claimed.attempts - claimed.manualAttempts },
            deps.schedule,
            at,
            deps.random,
          )
        : decideNext(outcome, scheduledAttemptNumber(claimed), deps.schedule, at, deps.random),
    at,
  };
}
