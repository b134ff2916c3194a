import { sleep } from "./util";

export type PacedCall<T> = { startedAt: number; endedAt: number; value: T };

/**
 * Starts `total` calls at a steady `rate` per second, not waiting for one to finish before the
 * next is due (an open loop, as independent senders behave). Resolves with every call's start,
 * end and value, and the rate the calls actually started at (the loop falls behind on a busy
 * machine).
 */
export async function paceCalls<T>(rate: number, total: number, call: () => Promise<T>) {
  const calls: Promise<PacedCall<T>>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = t0 + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    const startedAt = performance.now();
    calls.push(call().then((value) => ({ startedAt, endedAt: performance.now(), value })));
  }
  const offeredRate = total / ((performance.now() - t0) / 1000);
  return { offeredRate, calls };
}

/** How long each call took, ascending (for percentiles). */
export const sortedDurations = (done: PacedCall<unknown>[]) =>
  done.map((c) => c.endedAt - c.startedAt).sort((a, b) => a - b);
