"use client";

import { FAILURE_STREAK_LABEL } from "./failure-streak";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/react";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDateTime } from "@/components/webhooks/labels";
import type { EndpointHealthDetail } from "@/server/health/get-endpoint-health-detail";
import type { HealthRange } from "@/server/health/schemas";
import { bucketLabelFor, formatMs, formatRate, RANGE_LABELS, rateTone } from "./format-health";
import { HealthChart } from "./health-chart";
import { LatencyChart } from "./latency-chart";
import { RangeToggle } from "./range-toggle";
import { StatTile } from "./stat-tile";
import { ThrottleStatus } from "./throttle-status";

/** The endpoint page's Health tab: success rate, latency and attempts over 24 h or 7 days. */
export function EndpointHealthPanel({ endpointId }: { endpointId: string }) {
  const trpc = useTRPC();
  const [range, setRange] = useState<HealthRange>("24h");
  const query = useQuery({
    ...trpc.health.endpoint.queryOptions({ endpointId, range }),
    refetchInterval: 15_000,
    placeholderData: (prev) => prev,
  });

  return (
    <section aria-labelledby="health-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="health-heading" className="text-base font-semibold text-slate-900">
          Health · {RANGE_LABELS[range]}
        </h2>
        <RangeToggle value={range} onChange={setRange} />
      </div>
      {query.error ? (
        <p role="alert" className="text-sm text-red-600">
          {query.error.message}
        </p>
      ) : !query.data ? (
        <HealthPanelSkeleton />
      ) : (
        <HealthFigures data={query.data} range={range} />
      )}
    </section>
  );
}

function HealthFigures({ data, range }: { data: EndpointHealthDetail; range: HealthRange }) {
  const { summary } = data;
  const label = bucketLabelFor(range);
  const streakTone =
    data.failedInARow >= data.thresholds.warnAfter ? "danger" : data.failedInARow > 0 ? "warning" : "neutral";
  return (
    <>
      <ThrottleStatus throttle={data.throttle} />
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-5" data-testid="health-summary">
        <StatTile
          label="Success rate"
          value={formatRate(summary.successRate)}
          tone={rateTone(summary.successRate)}
          hint={`${summary.succeeded} of ${summary.attempts} attempts`}
        />
        <StatTile label="Attempts" value={summary.attempts} hint={`${summary.failed} failed`} />
        <StatTile label="p50 latency" value={formatMs(summary.p50Ms)} />
        <StatTile label="p95 latency" value={formatMs(summary.p95Ms)} />
        <StatTile
          label={FAILURE_STREAK_LABEL}
          value={data.failedInARow}
          tone={streakTone}
          hint={data.lastSuccessAt ? `Last success ${formatDateTime(data.lastSuccessAt)}` : "No success yet"}
        />
      </dl>
      <HealthChart title="Attempts over time" buckets={data.buckets} bucketLabel={label} />
      <LatencyChart title="Response time" buckets={data.buckets} bucketLabel={label} />
      <p className="text-xs text-slate-500">Test Webhook sends are not counted. Times in UTC.</p>
    </>
  );
}

function HealthPanelSkeleton() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading health">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-20" />
        ))}
      </div>
      <Skeleton className="h-48" />
      <Skeleton className="h-40" />
    </div>
  );
}
