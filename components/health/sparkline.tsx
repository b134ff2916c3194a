import type { HealthBucket } from "@/server/health/get-endpoint-health";

/** A tiny attempts-over-time bar strip for tables: green succeeded, red failed. */
export function Sparkline({ buckets, label }: { buckets: HealthBucket[]; label: string }) {
  const max = Math.max(...buckets.map((b) => b.attempts), 1);
  const w = 120;
  const h = 24;
  const slot = w / Math.max(buckets.length, 1);
  return (
    <svg viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-label={label} className="block">
      {buckets.map((b, i) => {
        const ok = (b.succeeded / max) * h;
        const bad = (b.failed / max) * h;
        return (
          <g key={b.start.toISOString()}>
            {b.attempts === 0 && (
              <rect x={i * slot + slot * 0.15} y={h - 1} width={slot * 0.7} height={1} className="fill-slate-200" />
            )}
            {ok > 0 && (
              <rect x={i * slot + slot * 0.15} y={h - ok} width={slot * 0.7} height={ok} className="fill-emerald-500" />
            )}
            {bad > 0 && (
              <rect
                x={i * slot + slot * 0.15}
                y={h - ok - bad}
                width={slot * 0.7}
                height={bad}
                className="fill-red-500"
              />
            )}
          </g>
        );
      })}
    </svg>
  );
}
