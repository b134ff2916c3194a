import { randomUUID } from "node:crypto";
import type dns from "node:dns";
import type { Db } from "@/db";
import { parseSchedule } from "@/server/delivery/policy/retry-schedule";
import { getEnv } from "@/server/env";
import { claimDelivery } from "./claim-delivery";
import { noteInternalFailures } from "./note-internal-failures";
import { planClaimed } from "./plan-claimed";
import { recordAttemptsSafely } from "./record-attempts-safely";
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

export type AttemptResult =
  | { status: "succeeded" }
  | { status: "failed" }
  | { status: "retry"; retryAt: Date }
  /** Not sent now (rate limit, not yet due, another run holds it, or an internal error): look again at retryAt. */
  | { status: "deferred"; retryAt: Date }
  | { status: "skipped"; reason: "missing" | "finished" | "paused" };

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
  const claim = await claimDelivery(db, deliveryId, `inngest:${randomUUID()}`, opts.leaseMs ?? DEFAULT_LEASE_MS);
  if (!claim.claimed) {
    return claim.state === "waiting"
      ? { status: "deferred", retryAt: claim.until }
      : { status: "skipped", reason: claim.state };
  }
  try {
    const settings = resolveSendDeps(deps);
    const plan = await planClaimed(db, [claim.claimed]);
    const deferred = plan.deferred[0];
    if (deferred) return { status: "deferred", retryAt: deferred.dueAt };
    const ended = plan.ended[0];
    if (ended) return ended.reason === "disabled" ? { status: "failed" } : internalRetry();
    const ready = plan.ready[0];
    if (!ready) return { status: "skipped", reason: "missing" };
    if (ready.waitMs > 0) await new Promise((r) => setTimeout(r, ready.waitMs));
    const record = await sendClaimed(ready.item, ready.endpoint, settings);
    const unrecorded = await recordAttemptsSafely(db, [record], settings.disableAfterFailures);
    if (unrecorded.length) return internalRetry();
    const d = record.decision;
    return d.kind === "retry" ? { status: "retry", retryAt: d.at } : { status: d.kind };
  } catch (err) {
    await noteInternalFailures(db, [{ id: deliveryId, error: err }]);
    return internalRetry();
  }
}

// The database holds when it is due again (note-internal-failures); the run just looks again soon.
const internalRetry = (): AttemptResult => ({ status: "deferred", retryAt: new Date(Date.now() + 30_000) });
