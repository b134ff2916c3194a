"use client";

import { failedInARowText } from "./failure-streak";
import { Time } from "@/components/ui/time";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { StatusBadge } from "@/components/webhooks/status-badge";
import type { HealthDashboard as Dashboard } from "@/server/health/get-health-dashboard";
import type { HealthRange } from "@/server/health/schemas";
import { formatMs, formatRate, RANGE_LABELS, rateTone } from "./format-health";
import { RangeToggle } from "./range-toggle";
import { Sparkline } from "./sparkline";
import { StatTile } from "./stat-tile";

/** /health: every endpoint's success rate, latency and recent attempts; trouble first. */
export function HealthDashboard({ initialRange = "24h" }: { initialRange?: HealthRange }) {
  const trpc = useTRPC();
  const [range, setRange] = useState<HealthRange>(initialRange);
  const query = useQuery({
    ...trpc.health.dashboard.queryOptions({ range }),
    refetchInterval: 30_000,
    placeholderData: (prev) => prev,
  });

  return (
    <div className="space-y-6">
      <div className="flex justify-end">
        <RangeToggle value={range} onChange={setRange} />
      </div>
      {query.error ? (
        <Alert tone="error" title="Could not load health">
          {query.error.message}
        </Alert>
      ) : !query.data ? (
        <HealthDashboardSkeleton />
      ) : query.data.items.length === 0 ? (
        <EmptyState
          title="No webhooks yet"
          description="Add an endpoint and its success rate and latency appear here."
          action={<LinkButton href="/webhooks/new">Add webhook</LinkButton>}
        />
      ) : (
        <DashboardBody data={query.data} />
      )}
    </div>
  );
}

function DashboardBody({ data }: { data: Dashboard }) {
  const { totals, thresholds } = data;
  return (
    <>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <StatTile
          label="Success rate"
          value={formatRate(totals.successRate)}
          tone={rateTone(totals.successRate)}
          hint={RANGE_LABELS[data.range]}
        />
        <StatTile label="Attempts" value={totals.attempts} hint={`${totals.failed} failed`} />
        <StatTile label="Endpoints" value={totals.endpoints} />
        <StatTile
          label="Need attention"
          value={totals.needAttention}
          tone={totals.needAttention ? "danger" : "success"}
          hint={`Disabled, or ${thresholds.warnAfter}+ failed deliveries in a row`}
        />
      </dl>
      <Table caption="Endpoint health">
        <THead>
          <Th>Endpoint</Th>
          <Th>Status</Th>
          <Th className="text-right">Success rate</Th>
          <Th className="text-right">p50 / p95</Th>
          <Th className="text-right">Attempts</Th>
          <Th>Over time</Th>
          <Th>Last attempt</Th>
        </THead>
        <TBody>
          {data.items.map((item) => (
            <Tr key={item.endpoint.id}>
              <Td className="max-w-xs">
                <Link
                  href={`/webhooks/${item.endpoint.id}?tab=health`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {item.endpoint.description || "Webhook endpoint"}
                </Link>
                <p className="truncate font-mono text-xs text-slate-500" title={item.endpoint.url}>
                  {item.endpoint.url}
                </p>
              </Td>
              <Td label="Status">
                <span className="flex flex-col items-start gap-1">
                  <StatusBadge status={item.endpoint.status} reason={item.endpoint.disabledReason} showReason={false} />
                  {item.attention === "failing" && <Badge tone="danger">{failedInARowText(item.failedInARow)}</Badge>}
                </span>
              </Td>
              <Td label="Success rate" className="text-right tabular-nums">
                <Badge tone={rateTone(item.summary.successRate)}>{formatRate(item.summary.successRate)}</Badge>
              </Td>
              <Td label="p50 / p95" className="whitespace-nowrap text-right tabular-nums text-slate-700">
                {formatMs(item.summary.p50Ms)} / {formatMs(item.summary.p95Ms)}
              </Td>
              <Td label="Attempts" className="text-right tabular-nums text-slate-700">
                {item.summary.attempts}
              </Td>
              <Td label="Over time">
                <Sparkline
                  buckets={item.buckets}
                  label={`${item.summary.succeeded} succeeded, ${item.summary.failed} failed`}
                />
              </Td>
              <Td label="Last attempt" className="whitespace-nowrap text-slate-600">
                <Time value={item.lastAttemptAt} />
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </>
  );
}

function HealthDashboardSkeleton() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading health">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-20" />
        ))}
      </div>
      <Skeleton className="h-64 w-full" />
    </div>
  );
}
