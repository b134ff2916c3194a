import type { AttemptRecord } from "@/server/delivery/engine/record-attempts";

/** What runners saw of one endpoint's health over a short while, for adaptive throttling. */
export type ThrottleSignal = {
  endpoint_id: string;
  /** When the last response arrived. */
  at: string;
  sent: number;
  ok: number;
  /** Answers that ask for less traffic: 429 Too Many Requests, 503 Service Unavailable. */
  refused: number;
  refusal_status: number | null;
  /** The longest Retry-After among those refusals. */
  retry_after_ms: number | null;
  /** Median response time of the successful ones. */
  ok_median_ms: number | null;
};

const REFUSALS = new Set([429, 503]);
/** Response times kept per endpoint between reports (enough for a median). */
const MAX_SAMPLES = 512;

export const isRefusal = (r: AttemptRecord) => r.outcome.status !== null && REFUSALS.has(r.outcome.status);

/** Adds up attempts per endpoint until they are reported. */
export class ThrottleSignals {
  /** `lastAt`: the latest response (ms), written into the signal when it is taken. */
  private readonly by = new Map<string, { signal: ThrottleSignal; lastAt: number; durations: number[] }>();

  get size() {
    return this.by.size;
  }

  add(records: AttemptRecord[]) {
    for (const r of records) {
      const id = r.delivery.endpointId;
      let entry = this.by.get(id);
      if (!entry) {
        entry = {
          signal: {
            endpoint_id: id,
            at: "",
            sent: 0,
            ok: 0,
            refused: 0,
            refusal_status: null,
            retry_after_ms: null,
            ok_median_ms: null,
          },
          lastAt: 0,
          durations: [],
        };
        this.by.set(id, entry);
      }
      const s = entry.signal;
      entry.lastAt = Math.max(entry.lastAt, r.at.getTime());
      s.sent++;
      if (r.outcome.ok) {
        s.ok++;
        if (entry.durations.length < MAX_SAMPLES) entry.durations.push(r.outcome.durationMs);
        else entry.durations[s.ok % MAX_SAMPLES] = r.outcome.durationMs;
      } else if (isRefusal(r)) {
        s.refused++;
        s.refusal_status = r.outcome.status;
        if (r.outcome.retryAfterMs !== null) s.retry_after_ms = Math.max(s.retry_after_ms ?? 0, r.outcome.retryAfterMs);
      }
    }
  }

  /** Everything added so far, with each endpoint's median response time; then starts afresh. */
  take(): ThrottleSignal[] {
    const out = [...this.by.values()].map(({ signal, lastAt, durations }) => {
      const at = new Date(lastAt).toISOString();
      if (!durations.length) return { ...signal, at };
      const sorted = durations.sort((a, b) => a - b);
      return { ...signal, at, ok_median_ms: sorted[Math.floor(sorted.length / 2)]! };
    });
    this.by.clear();
    return out;
  }
}
