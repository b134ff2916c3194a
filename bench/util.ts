export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Rejects when `p` has not settled after `ms`, so no step of the bench can hang it. */
export async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([p, limit]);
  } finally {
    clearTimeout(timer);
  }
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest-rank percentile of an ascending list. */
export const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]! : NaN;

export const spread = (xs: number[]) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

/** A share (0–1) as a whole percentage, or "—" when not known. */
export const percent = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)} %`);

export const fixed = (x: number, digits = 0) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);

/** CPU (user + system) this process spent since `since`, in µs. */
export const cpuSince = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return d.user + d.system;
};

/** Whether `node --expose-gc` (NODE_OPTIONS) made a full collection available. */
const canCollect = typeof (globalThis as { gc?: unknown }).gc === "function";

/**
 * Samples this process's RSS every 100 ms until stopped. Under --expose-gc a full collection
 * first keeps the garbage of earlier scenarios (old PGlite instances) out of the start figure.
 */
export function sampleRss() {
  if (canCollect) (globalThis as unknown as { gc: () => void }).gc();
  const startMb = process.memoryUsage().rss / 2 ** 20;
  let peakMb = startMb;
  const timer = setInterval(() => (peakMb = Math.max(peakMb, process.memoryUsage().rss / 2 ** 20)), 100);
  return {
    stop() {
      clearInterval(timer);
      peakMb = Math.max(peakMb, process.memoryUsage().rss / 2 ** 20);
      return { startMb: Math.round(startMb), peakMb: Math.round(peakMb) };
    },
  };
}
