/** How often the sweep looks; a send ends at most this much after its own timeout. */
export const SWEEP_INTERVAL_MS = 25;

/** What a deadline ends: an object (not a closure), so a send allocates no function for it. */
export type Expirable = { expire(): void };

export type Deadline = { at: number; target: Expirable };

const live = new Set<Deadline>();
let timer: NodeJS.Timeout | null = null;

/**
 * One timer for every send in flight instead of a timer and an AbortController each: at a few
 * thousand sends a second those were a tenth of the runner's CPU. `target.expire()` runs once,
 * after `ms` (within SWEEP_INTERVAL_MS), unless `cancelDeadline` ran first.
 */
export function startDeadline(ms: number, target: Expirable): Deadline {
  const deadline: Deadline = { at: performance.now() + ms, target };
  live.add(deadline);
  timer ??= setInterval(sweep, SWEEP_INTERVAL_MS);
  return deadline;
}

export function cancelDeadline(deadline: Deadline) {
  live.delete(deadline);
  stopWhenIdle();
}

function sweep() {
  const now = performance.now();
  for (const deadline of live) {
    if (deadline.at > now) continue;
    live.delete(deadline);
    try {
      deadline.target.expire();
    } catch {
      // An expiry is a best-effort abort; one that throws must not stop the others.
    }
  }
  stopWhenIdle();
}

function stopWhenIdle() {
  if (live.size === 0 && timer) {
    clearInterval(timer);
    timer = null;
  }
}
