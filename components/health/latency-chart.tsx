import type { HealthBucket } from "@/server/health/get-endpoint-health";
import { formatMs } from "./format-health";

type Props = { buckets: HealthBucket[]; title: string; bucketLabel: (d: Date) => string };

const W = 640;
const H = 140;
const PAD = { top: 8, right: 8, bottom: 22, left: 44 };

/** p50 and p95 response time per bucket as two lines; gaps where a bucket had no attempts. */
export function LatencyChart({ buckets, title, bucketLabel }: Props) {
  const withData = buckets.filter((b) => b.p50Ms !== null);
  if (!withData.length) {
    return (
      <figure className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
        <figcaption className="text-sm font-medium text-slate-700">{title}</figcaption>
        <p className="py-8 text-center text-sm text-slate-500">No response times in this period.</p>
      </figure>
    );
  }
  const max = Math.max(...withData.map((b) => b.p95Ms ?? b.p50Ms ?? 0), 1);
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / buckets.length;
  const x = (i: number) => PAD.left + slot * i + slot / 2;
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const line = (pick: (b: HealthBucket) => number | null) =>
    buckets
      .map((b, i) => ({ v: pick(b), i }))
      .filter((p): p is { v: number; i: number } => p.v !== null)
      .map((p) => `${x(p.i)},${y(p.v)}`)
      .join(" ");
  const labelEvery = Math.ceil(buckets.length / 6);

  return (
    <figure className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <figcaption className="flex flex-wrap items-center justify-between gap-2 text-sm font-medium text-slate-700">
        <span>{title}</span>
        <span className="flex gap-3 text-xs font-normal text-slate-500">
          <Key className="bg-sky-500" label="p50" />
          <Key className="bg-indigo-600" label="p95" />
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="mt-3 w-full"
        role="img"
        aria-label={`${title}: p95 up to ${formatMs(max)}`}
      >
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={PAD.top + innerH}
          y2={PAD.top + innerH}
          className="stroke-slate-200"
        />
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={PAD.top}
          y2={PAD.top}
          className="stroke-slate-100"
          strokeDasharray="3 3"
        />
        <text x={PAD.left - 6} y={PAD.top + 8} textAnchor="end" className="fill-slate-400 text-[10px]">
          {formatMs(max)}
        </text>
        <text x={PAD.left - 6} y={PAD.top + innerH} textAnchor="end" className="fill-slate-400 text-[10px]">
          0
        </text>
        <polyline
          data-testid="latency-p50"
          points={line((b) => b.p50Ms)}
          fill="none"
          className="stroke-sky-500"
          strokeWidth={1.5}
        />
        <polyline
          data-testid="latency-p95"
          points={line((b) => b.p95Ms)}
          fill="none"
          className="stroke-indigo-600"
          strokeWidth={1.5}
        />
        {buckets.map((b, i) =>
          b.p50Ms === null ? null : (
            <g key={b.start.toISOString()}>
              <title>{`${bucketLabel(b.start)}: p50 ${formatMs(b.p50Ms)}, p95 ${formatMs(b.p95Ms)}`}</title>
              <circle cx={x(i)} cy={y(b.p50Ms)} r={2.5} className="fill-sky-500" />
              <circle cx={x(i)} cy={y(b.p95Ms ?? b.p50Ms)} r={2.5} className="fill-indigo-600" />
            </g>
          ),
        )}
        {buckets.map((b, i) =>
          i % labelEvery === 0 ? (
            <text
              key={`l-${b.start.toISOString()}`}
              x={x(i)}
              y={H - 6}
              textAnchor="middle"
              className="fill-slate-400 text-[10px]"
            >
              {bucketLabel(b.start)}
            </text>
          ) : null,
        )}
      </svg>
    </figure>
  );
}

function Key({ className, label }: { className: string; label: string }) {
  return (
    <span className="inline-flex items-center gap-1">
      <span className={`inline-block h-0.5 w-3 ${className}`} aria-hidden />
      {label}
    </span>
  );
}
