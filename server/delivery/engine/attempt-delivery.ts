import { randomUUID } from "node:crypto";
import type dns from "node:dns";
import type { Db } from "@/db";
import { parseSchedule } from "@/server/delivery/policy/retry-schedule";
import { getEnv } from "@/server/env";
import { claimDelivery } from "./claim-delivery";
import { noteInternalFailures } from "./note-internal-failures";
import { planClaimed } from "./plan-claimed";
import { recordAttemptsSafely } from "./record-attempts-safely";
import { releaseLeases } from "./release-leases";
import { recordThrottleSignals } from "@/server/delivery/throttle/record-throttle-signals";
import { ThrottleSignals } from "@/server/delivery/throttle/throttle-signals";
import { sendClaimed, type SendDeps } from "./send-claimed";

export type AttemptDeps = {
  db: Db;
  allowPrivateNetworks?: boolean;
  /** Retry delays in ms (default: WEBHOOK_RETRY_SCHEDULE). */
  schedule?: number[];
  disableAfterFailures?: number;
  lookup?: typeof dns.lookup;
  random?: () => number;
};

export type AttemptResult = (
  | { status: "succeeded" }
  | { status: "failed" }
  | { status: "retry"; retryAt: Date }
  /** Not sent now (rate limit, not yet due, another run holds it, or an internal error): look again at retryAt. */
  | { status: "deferred"; retryAt: Date }
  /**
   * `blocked`: it waits for an earlier delivery of its message, which enqueues it when it ends;
   * `superseded`: a later status of its message goes instead (that one is in `released`).
   */
  | { status: "skipped"; reason: "missing" | "finished" | "paused" | "blocked" | "superseded" }
) & {
  /** Deliveries that stopped waiting for this one (the next of its message): to be enqueued. */
  released?: string[];
};

/** Lease for a claim: the longest a send can take (30 s timeout) plus room to record it. */
export const DEFAULT_LEASE_MS = 60_000;

/** The settings an attempt needs, from the deps given or the environment. */
export function resolveSendDeps(deps: Omit<AttemptDeps, "db">): SendDeps & { disableAfterFailures: number } {
  const env = getEnv();
  return {
    allowPrivateNetworks: deps.allowPrivateNetworks ?? env.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
    schedule: deps.schedule ?? parseSchedule(env.WEBHOOK_RETRY_SCHEDULE),
    disableAfterFailures: deps.disableAfterFailures ?? env.WEBHOOK_DISABLE_AFTER_FAILURES,
    lookup: deps.lookup,
    random: deps.random,
  };
}

/**
 * One attempt of one delivery — the engine's batch of one, for the Inngest function: claim →
 * plan (disabled endpoint, config, rate slot) → send → record, the same parts the local runner
 * uses for its batches. An error of ours after the claim is counted and the lease released, so
 * the step never loops on a leased delivery.
 */
export async function attemptDelivery(
  deps: AttemptDeps,
  deliveryId: string,
  opts: { leaseMs?: number } = {},
): Promise<AttemptResult> {
  const { db } = deps;
  const owner = `inngest:${randomUUID()}`;
  const claim = await claimDelivery(db, deliveryId, owner, opts.leaseMs ?? DEFAULT_LEASE_MS);
  if (!claim.claimed) {
    return claim.state === "waiting"
      ? { status: "deferred", retryAt: claim.until }
      : { status: "skipped", reason: claim.state };
  }
  try {
    const settings = resolveSendDeps(deps);
    const plan = await planClaimed(db, [claim.claimed]);
    const released = plan.released;
    if (plan.ended[0]?.reason === "superseded") {
      // The winner's own run (ended while it waited) starts again and sends it.
      const winners = [...plan.ready.map((r) => r.item.id), ...plan.deferred.map((d) => d.id)];
      await releaseLeases(db, owner, winners);
      return { status: "skipped", reason: "superseded", released: [...released, ...winners] };
    }
    const deferred = plan.deferred[0];
    if (deferred) return withReleased({ status: "deferred", retryAt: deferred.dueAt }, released);
    const ended = plan.ended[0];
    if (ended)
      return ended.reason === "disabled" ? withReleased({ status: "failed" }, released) : internalRetry(released);
    const ready = plan.ready[0];
    if (!ready) return withReleased({ status: "skipped", reason: "missing" }, released);
    if (ready.waitMs > 0) await new Promise((r) => setTimeout(r, ready.waitMs));
    const record = await sendClaimed(ready.item, ready.endpoint, settings);
    const recorded = await recordAttemptsSafely(db, [record], settings.disableAfterFailures);
    released.push(...recorded.released);
    if (record.adaptive) {
      const signals = new ThrottleSignals();
      signals.add([record]);
      await recordThrottleSignals(db, signals.take());
    }
    if (recorded.unrecorded.length) return internalRetry(released);
    const d = record.decision;
    return withReleased(d.kind === "retry" ? { status: "retry", retryAt: d.at } : { status: d.kind }, released);
  } catch (err) {
    return internalRetry(await noteInternalFailures(db, [{ id: deliveryId, error: err }]));
  }
}

// The database holds when it is due again (note-internal-failures); the run just looks again soon.
const internalRetry = (released: string[]): AttemptResult =>
  withReleased({ status: "deferred", retryAt: new Date(Date.now() + 30_000) }, released);

const withReleased = (result: AttemptResult, released: string[]): AttemptResult =>
  released.length ? { ...result, released } : result;
