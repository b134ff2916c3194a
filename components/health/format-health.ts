import { formatUtcClock, formatUtcDay } from "@/lib/time";
import type { HealthRange } from "@/server/health/schemas";

export const RANGE_LABELS: Record<HealthRange, string> = { "24h": "Last 24 hours", "7d": "Last 7 days" };

/** Axis label of a bucket: its hour over 24 h, its day over 7 days (UTC, like every time shown). */
export const bucketLabelFor = (range: HealthRange) => (d: Date) =>
  range === "24h" ? formatUtcClock(d) : formatUtcDay(d);

export function formatRate(rate: number | null): string {
  if (rate === null) return "—";
  const pct = Math.round(rate * 1000) / 10;
  // 99.96 % must not read as 100 %.
  return `${pct === 100 && rate < 1 ? 99.9 : pct}%`;
}

export const formatMs = (ms: number | null) =>
  ms === null ? "—" : ms >= 1000 ? `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s` : `${ms} ms`;

/** Green from 99 %, amber from 90 %, red below. */
export function rateTone(rate: number | null): "success" | "warning" | "danger" | "neutral" {
  if (rate === null) return "neutral";
  return rate >= 0.99 ? "success" : rate >= 0.9 ? "warning" : "danger";
}
