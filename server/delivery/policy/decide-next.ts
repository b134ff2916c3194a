import type { SendOutcome } from "@/server/delivery/types";

export type Decision =
  { kind: "succeeded" } | { kind: "retry"; at: Date } | { kind: "failed"; disableEndpoint?: string };

export const RETRY_AFTER_MAX_MS = 3_600_000;
const JITTER = 0.2;

/**
 * What happens after attempt number `attempt` (1-based) with this outcome. Pure.
 * - 2xx succeeds. 3xx/4xx/5xx and network errors fail the attempt.
 * - 410 Gone fails the delivery at once and disables the endpoint.
 * - Otherwise the next attempt is at schedule[attempt] ±20 % jitter; a Retry-After from the
 *   server replaces that delay when it is longer, clamped to one hour so a hostile or broken
 *   header cannot park a delivery for days.
 * - When the schedule is exhausted the delivery has failed.
 */
export function decideNext(
  outcome: SendOutcome,
  attempt: number,
  schedule: number[],
  now: Date,
  random: () => number = Math.random,
): Decision {
  if (outcome.ok) return { kind: "succeeded" };
  if (outcome.status === 410) return { kind: "failed", disableEndpoint: "Endpoint returned 410 Gone" };
  if (attempt >= schedule.length) return { kind: "failed" };
  const base = schedule[attempt]!;
  const jittered = base * (1 + (random() * 2 - 1) * JITTER);
  const retryAfter =
    outcome.retryAfterMs !== null ? Math.min(Math.max(outcome.retryAfterMs, 0), RETRY_AFTER_MAX_MS) : 0;
  return { kind: "retry", at: new Date(now.getTime() + Math.max(jittered, retryAfter)) };
}
