"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { failedInARowText } from "@/components/health/failure-streak";
import { formatRate, rateTone } from "@/components/health/format-health";
import { HealthChart } from "@/components/health/health-chart";
import { StatTile } from "@/components/health/stat-tile";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { Time } from "@/components/ui/time";
import { formatCount } from "@/components/webhooks/labels";
import { formatUtcClock } from "@/lib/time";

/** The signed-in home: the last 24 hours, what needs attention, and attempts per hour. Live (30 s). */
export function OverviewDashboard() {
  const trpc = useTRPC();
  const { data, error } = useQuery({ ...trpc.overview.get.queryOptions(), refetchInterval: 30_000 });
  if (error)
    return (
      <Alert tone="error" title="The overview could not be loaded">
        {error.message}
      </Alert>
    );
  if (!data) return null;
  const { deliveries: d } = data;

  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="overview-figures">
        <StatTile
          label="Events (24 h)"
          value={formatCount(data.events)}
          hint={
            <Link href="/events" className="text-brand-700 hover:underline">
              See events
            </Link>
          }
        />
        <StatTile
          label="Deliveries (24 h)"
          value={formatCount(d.total)}
          hint={`${formatCount(d.succeeded)} succeeded · ${formatCount(d.failed)} failed · ${formatCount(d.inFlight)} on the way`}
        />
        <StatTile
          label="Success rate"
          value={formatRate(d.successRate)}
          tone={rateTone(d.successRate)}
          hint="Of the deliveries that have finished"
        />
        <StatTile
          label="Oldest pending delivery"
          value={data.oldestPending ? <Time value={data.oldestPending.createdAt} /> : "None"}
          tone={data.oldestPending ? "warning" : "success"}
          hint={
            data.oldestPending ? (
              <Link
                href={`/webhooks/${data.oldestPending.endpointId}?tab=deliveries&delivery=${data.oldestPending.id}`}
                className="text-brand-700 hover:underline"
              >
                Open it ({data.oldestPending.status})
              </Link>
            ) : (
              "Nothing waiting"
            )
          }
        />
      </dl>

      <section aria-labelledby="attention-heading" className="space-y-2">
        <h2 id="attention-heading" className="text-base font-semibold text-slate-900">
          Endpoints failing or disabled
        </h2>
        {data.attention.length === 0 ? (
          <p className="rounded-lg bg-white px-4 py-3 text-sm text-slate-600 ring-1 ring-slate-200">
            None: no endpoint has {data.thresholds.warnAfter} failed deliveries in a row, and none is disabled.
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg bg-white ring-1 ring-slate-200" data-testid="attention">
            {data.attention.map((ep) => (
              <li key={ep.id} className="flex flex-wrap items-start justify-between gap-2 px-4 py-3">
                <div className="min-w-0">
                  <Link href={`/webhooks/${ep.id}`} className="font-medium text-brand-700 hover:underline">
                    {ep.description || "Webhook endpoint"}
                  </Link>
                  <p className="break-all font-mono text-xs text-slate-500">{ep.url}</p>
                  <p className="mt-1 text-sm text-slate-700">
                    {ep.state === "disabled"
                      ? (ep.disabledReason ?? "Disabled")
                      : `${failedInARowText(ep.failedInARow)} — disabled at ${data.thresholds.disableAfter}`}
                  </p>
                </div>
                <Badge tone={ep.state === "disabled" ? "danger" : "warning"} dot>
                  {ep.state === "disabled" ? "Disabled" : "Failing"}
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </section>

      <HealthChart title="Delivery attempts per hour (UTC)" buckets={data.throughput} bucketLabel={formatUtcClock} />
      {data.events === 0 && d.total === 0 && (
        <EmptyState
          title="Nothing in the last 24 hours"
          description="Add a webhook and send a sample event to see deliveries here."
          action={<LinkButton href="/webhooks/new">Add webhook</LinkButton>}
        />
      )}
    </div>
  );
}
