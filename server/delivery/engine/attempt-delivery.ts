import { eq } from "drizzle-orm";
import type dns from "node:dns";
import type { Db } from "@/db";
import { deliveries } from "@/db/schema";
import { decideAfterManual, scheduledAttemptNumber } from "@/server/delivery/policy/decide-after-manual";
import { decideNext } from "@/server/delivery/policy/decide-next";
import { parseSchedule } from "@/server/delivery/policy/retry-schedule";
import { sendOnce } from "@/server/delivery/send-once";
import { toSendableEndpoint } from "@/server/endpoints/decrypt-endpoint";
import { getEnv } from "@/server/env";
import { inCatalogOrder } from "@/server/events/catalog";
import { claimDelivery } from "./claim-delivery";
import { holdRateSlot } from "./hold-rate-slot";
import { loadDelivery } from "./load-delivery";
import { paceEndpoint } from "./pace-endpoint";
import { recordAttempt } from "./record-attempt";

const PACING_MARGIN = 1.1;
export type AttemptDeps = {
  db: Db;
  allowPrivateNetworks?: boolean;
  /** Retry delays in ms (default: WEBHOOK_RETRY_SCHEDULE). */
  schedule?: number[];
  disableAfterFailures?: number;
  lookup?: typeof dns.lookup;
  random?: () => number;
};

type AttemptOptions = {
  /** Claim the delivery first (Inngest). The local runner has already claimed it in a batch. */
  claim?: boolean;
  /** Lease taken by `claim`; after it runs out another run may take the delivery over. */
  leaseMs?: number;
  /** Overrides what the attempt is recorded as (default: the delivery's next_trigger). */
  trigger?: "scheduled" | "manual";
};

type AttemptResult =
  | { status: "succeeded" }
  | { status: "failed" }
  | { status: "retry"; retryAt: Date }
  /** Not sent now (rate limit, not yet due, or another run holds it): look again at retryAt. */
  | { status: "deferred"; retryAt: Date }
  | { status: "skipped"; reason: "missing" | "finished" | "paused" };

/** Lease for a claim: the longest a send can take (30 s timeout) plus room to record it. */
export const DEFAULT_LEASE_MS = 60_000;

/**
 * One attempt of one delivery, shared by the local runner and the Inngest function:
 * render → sign → rate slot → send → policy → record (one transaction). The database holds the
 * delivery's whole state, so either runner can pick up where the other left off.
 */
export async function attemptDelivery(
  deps: AttemptDeps,
  deliveryId: string,
  opts: AttemptOptions = {},
): Promise<AttemptResult> {
  const { db } = deps;
  const env = getEnv();
  if (opts.claim) {
    const claim = await claimDelivery(db, deliveryId, opts.leaseMs ?? DEFAULT_LEASE_MS);
    if (!claim.claimed)
      return claim.state === "waiting"
        ? { status: "deferred", retryAt: claim.until }
        : { status: "skipped", reason: claim.state };
  }

  const found = await loadDelivery(db, deliveryId);
  if (!found) return { status: "skipped", reason: "missing" };
  const { delivery, event, endpoint } = found;
  if (delivery.status === "succeeded" || delivery.status === "failed") return { status: "skipped", reason: "finished" };

  if (endpoint.status === "paused") {
    // Waits, unclaimed, until the endpoint is resumed (resuming enqueues it again).
    await db
      .update(deliveries)
      .set({ status: delivery.attempts > 0 ? "retrying" : "pending", leaseExpiresAt: null, updatedAt: new Date() })
      .where(eq(deliveries.id, deliveryId));
    return { status: "skipped", reason: "paused" };
  }
  if (endpoint.status === "disabled") {
    // Failed, not dropped: re-enabling the endpoint and replaying picks these up again.
    await db
      .update(deliveries)
      .set({
        status: "failed",
        leaseExpiresAt: null,
        lastError: `Endpoint disabled: ${endpoint.disabledReason ?? "by the system"}`,
        updatedAt: new Date(),
      })
      .where(eq(deliveries.id, deliveryId));
    return { status: "failed" };
  }

  if (endpoint.rateLimitPerSecond) {
    const slotAge = found.slotAgeMs === null ? null : Number(found.slotAgeMs);
    const deferredTo = await holdRateSlot(db, delivery, slotAge, endpoint.id, endpoint.rateLimitPerSecond);
    if (deferredTo) return { status: "deferred", retryAt: deferredTo };
  }

  const { config, secrets } = toSendableEndpoint(endpoint);
  const perSecond = endpoint.rateLimitPerSecond;
  const { request, outcome } = await sendOnce({
    config,
    secrets,
    event: { id: event.id, type: event.type, data: inCatalogOrder(event.type, event.data), createdAt: event.createdAt },
    msgId: delivery.id,
    allowPrivateNetworks: deps.allowPrivateNetworks ?? env.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
    lookup: deps.lookup,
    // In-process pacing runs 10 % under the limit: a request held up on its way (a busy event
    // loop, a new connection) must not land inside the receiver's window of the next one.
    beforeSend: perSecond ? () => paceEndpoint(endpoint.id, (1000 / perSecond) * PACING_MARGIN) : undefined,
  });

  const attemptNumber = delivery.attempts + 1;
  const at = new Date();
  const schedule = deps.schedule ?? parseSchedule(env.WEBHOOK_RETRY_SCHEDULE);
  const trigger = opts.trigger ?? delivery.nextTrigger;
  // A manual attempt is extra: it neither uses up a step of the schedule nor moves the next one.
  const decision =
    trigger === "manual"
      ? decideAfterManual(
          outcome,
          { resumeAt: delivery.resumeAt, scheduledAttempts: delivery.attempts - delivery.manualAttempts },
          schedule,
          at,
          deps.random,
        )
      : decideNext(outcome, scheduledAttemptNumber(delivery), schedule, at, deps.random);
  await recordAttempt(db, {
    delivery,
    consecutiveFailures: endpoint.consecutiveFailures,
    attemptNumber,
    trigger,
    request,
    outcome,
    decision,
    disableAfterFailures: deps.disableAfterFailures ?? env.WEBHOOK_DISABLE_AFTER_FAILURES,
    at,
  });

  if (decision.kind === "retry") return { status: "retry", retryAt: decision.at };
  return { status: decision.kind };
}
