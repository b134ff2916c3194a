/** The throttling state as stored (endpoint_throttles) plus the endpoint's settings. */
export type ThrottleState = {
  adaptiveThrottle: boolean;
  rateLimitPerSecond: number | null;
  rate: number | null;
  reason: string | null;
  slowedAt: Date | null;
  recoveredAt: Date | null;
  lastRefusalAt: Date | null;
  lastRefusalStatus: number | null;
  holdUntil: Date | null;
  p50Ms: number | null;
};

export type ThrottleView = {
  adaptiveThrottle: boolean;
  /** "slowed": sent at `currentRate` (below the limit, or limited though none is configured). */
  state: "off" | "full" | "slowed";
  /** Requests per second the engine sends at now; null: as fast as the configured limit (or no limit). */
  currentRate: number | null;
  rateLimitPerSecond: number | null;
  reason: string | null;
  slowedAt: Date | null;
  recoveredAt: Date | null;
  lastRefusalAt: Date | null;
  lastRefusalStatus: number | null;
  /** Retry-After: nothing is sent before this. */
  holdUntil: Date | null;
  /** The endpoint's usual response time, as the engine judges latency against it. */
  usualResponseMs: number | null;
  /** One line, e.g. "Slowed to 12/s after 429 Too Many Requests at 14:02 UTC". */
  summary: string;
};

const hhmm = (d: Date) => `${d.toISOString().slice(11, 16)} UTC`;
const perSecond = (n: number) => `${n >= 10 ? Math.round(n) : Math.round(n * 10) / 10}/s`;

/** Pure: what the Health tab and GET /api/v1/endpoints/{id} say about adaptive throttling. */
export function describeThrottle(s: ThrottleState, now = new Date()): ThrottleView {
  const slowed = s.adaptiveThrottle && s.rate !== null;
  const currentRate = slowed ? Math.min(s.rate!, s.rateLimitPerSecond ?? Infinity) : null;
  const state = !s.adaptiveThrottle ? "off" : slowed ? "slowed" : "full";
  let summary: string;
  if (state === "off") summary = "Adaptive throttling is off: sent at the configured rate whatever the answers.";
  else if (state === "slowed")
    summary = `Slowed to ${perSecond(currentRate!)} after ${s.reason ?? "trouble"} at ${hhmm(s.slowedAt ?? now)}.`;
  else if (s.slowedAt && s.recoveredAt)
    summary = `Full rate since ${hhmm(s.recoveredAt)} (slowed after ${s.reason ?? "trouble"} at ${hhmm(s.slowedAt)}).`;
  else summary = "Full rate: no 429/503 or slow responses seen.";
  if (state !== "off" && s.holdUntil && s.holdUntil > now)
    summary += ` Holding until ${hhmm(s.holdUntil)} (Retry-After).`;
  return {
    adaptiveThrottle: s.adaptiveThrottle,
    state,
    currentRate,
    rateLimitPerSecond: s.rateLimitPerSecond,
    reason: s.reason,
    slowedAt: s.slowedAt,
    recoveredAt: s.recoveredAt,
    lastRefusalAt: s.lastRefusalAt,
    lastRefusalStatus: s.lastRefusalStatus,
    holdUntil: s.holdUntil,
    usualResponseMs: s.p50Ms === null ? null : Math.round(s.p50Ms),
    summary,
  };
}
