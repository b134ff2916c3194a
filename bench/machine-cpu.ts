import { readFileSync } from "node:fs";

export type MachineCpuSample = { idle: number; total: number } | null;

/**
 * All cores' jiffies from /proc/stat (Linux): idle + iowait, and the total. Null elsewhere. It
 * tells an engine bound by its own event loop (the machine has idle time left) from one bound
 * by the machine (no idle time: Node, the database and everything else share it all).
 */
export function sampleMachineCpu(): MachineCpuSample {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!;
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    if (ticks.length < 5 || ticks.some((t) => !Number.isFinite(t))) return null;
    const [, , , idle, iowait] = ticks as [number, number, number, number, number];
    return { idle: idle + iowait, total: ticks.slice(0, 8).reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}

/** The share of all cores' time that was idle since `before` (0–1), or null. */
export function machineIdleSince(before: MachineCpuSample): number | null {
  const after = sampleMachineCpu();
  if (!before || !after || after.total <= before.total) return null;
  return (after.idle - before.idle) / (after.total - before.total);
}
