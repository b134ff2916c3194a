import type { HealthBucket } from "@/server/health/get-endpoint-health";

type Props = { buckets: HealthBucket[]; title: string; bucketLabel: (d: Date) => string };

const W = 640;
const H = 160;
const PAD = { top: 8, right: 8, bottom: 22, left: 36 };

/**
 * Attempts over time as stacked bars (succeeded / failed) with the p95 latency as a line on its
 * own scale, when the buckets have one (the Overview sums endpoints, whose percentiles do not add). Plain SVG: no chart library, server-renderable, readable by screen readers through
 * the table fallback.
 */
export function HealthChart({ buckets, title, bucketLabel }: Props) {
  const total = buckets.reduce((n, b) => n + b.attempts, 0);
  if (!total) {
    return (
      <figure className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
        <figcaption className="text-sm font-medium text-slate-700">{title}</figcaption>
        <p className="py-10 text-center text-sm text-slate-500">No delivery attempts in this period.</p>
      </figure>
    );
  }
  const maxAttempts = Math.max(...buckets.map((b) => b.attempts), 1);
  const maxLatency = Math.max(...buckets.map((b) => b.p95Ms ?? 0), 1);
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / buckets.length;
  const barW = Math.max(2, slot * 0.7);
  const y = (v: number) => PAD.top + innerH - (v / maxAttempts) * innerH;
  const latencyPoints = buckets
    .map((b, i) =>
      b.p95Ms === null
        ? null
        : `${PAD.left + slot * i + slot / 2},${PAD.top + innerH - (b.p95Ms / maxLatency) * innerH}`,
    )
    .filter(Boolean)
    .join(" ");
  const labelEvery = Math.ceil(buckets.length / 6);

  return (
    <figure className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <figcaption className="flex flex-wrap items-center justify-between gap-2 text-sm font-medium text-slate-700">
        <span>{title}</span>
        <span className="flex gap-3 text-xs font-normal text-slate-500">
          <Legend className="bg-emerald-500" label="Succeeded" />
          <Legend className="bg-red-500" label="Failed" />
          {latencyPoints && <Legend className="bg-indigo-500" label={`p95 latency (max ${maxLatency} ms)`} />}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="mt-3 w-full" role="img" aria-label={`${title}: ${total} attempts`}>
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={PAD.top + innerH}
          y2={PAD.top + innerH}
          className="stroke-slate-200"
        />
        <text x={PAD.left - 6} y={PAD.top + 8} textAnchor="end" className="fill-slate-400 text-[10px]">
          {maxAttempts}
        </text>
        <text x={PAD.left - 6} y={PAD.top + innerH} textAnchor="end" className="fill-slate-400 text-[10px]">
          0
        </text>
        {buckets.map((b, i) => {
          const x = PAD.left + slot * i + (slot - barW) / 2;
          return (
            <g key={b.start.toISOString()} data-testid="health-bar">
              <title>{`${bucketLabel(b.start)}: ${b.succeeded} succeeded, ${b.failed} failed${b.p50Ms !== null ? `, p50 ${b.p50Ms} ms, p95 ${b.p95Ms} ms` : ""}`}</title>
              {b.succeeded > 0 && (
                <rect
                  x={x}
                  width={barW}
                  y={y(b.succeeded)}
                  height={y(0) - y(b.succeeded)}
                  className="fill-emerald-500"
                />
              )}
              {b.failed > 0 && (
                <rect
                  x={x}
                  width={barW}
                  y={y(b.attempts)}
                  height={y(b.succeeded) - y(b.attempts)}
                  className="fill-red-500"
                />
              )}
              {i % labelEvery === 0 && (
                <text
                  x={PAD.left + slot * i + slot / 2}
                  y={H - 6}
                  textAnchor="middle"
                  className="fill-slate-400 text-[10px]"
                >
                  {bucketLabel(b.start)}
                </text>
              )}
            </g>
          );
        })}
        {latencyPoints && (
          <polyline points={latencyPoints} fill="none" className="stroke-indigo-500" strokeWidth={1.5} />
        )}
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th>Period</th>
            <th>Succeeded</th>
            <th>Failed</th>
            <th>p95 ms</th>
          </tr>
        </thead>
        <tbody>
          {buckets
            .filter((b) => b.attempts)
            .map((b) => (
              <tr key={b.start.toISOString()}>
                <td>{bucketLabel(b.start)}</td>
                <td>{b.succeeded}</td>
                <td>{b.failed}</td>
                <td>{b.p95Ms ?? ""}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </figure>
  );
}

function Legend({ className, label }: { className: string; label: string }) {
  return (
    <span className="inline-flex items-center gap-1">
      <span className={`inline-block size-2.5 rounded-sm ${className}`} aria-hidden />
      {label}
    </span>
  );
}
