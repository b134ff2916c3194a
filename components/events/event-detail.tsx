"use client";

import { formatUtc } from "@/lib/time";
import { useSuspenseQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTRPC } from "@/components/trpc/react";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { CodeBlock } from "@/components/webhooks/code-block";
import { EVENT_TYPE_LABELS } from "@/components/webhooks/labels";
import { DeliverySummary } from "./delivery-summary";
import { EventDeliveries } from "./event-deliveries";
import { LIVE_STATUSES } from "@/components/deliveries/delivery-status";

/** /events/[id]: metadata, payload, deliveries per endpoint — refreshed every 2 s while any is on its way. */
export function EventDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const { data: event } = useSuspenseQuery({
    ...trpc.events.get.queryOptions({ id }),
    refetchInterval: (q) => (q.state.data?.deliveries.some((d) => LIVE_STATUSES.has(d.status)) ? 2000 : false),
  });
  const live = event.deliveries.some((d) => LIVE_STATUSES.has(d.status));
  const payload = JSON.stringify(event.data, null, 2);

  return (
    <>
      <PageHeader
        title={EVENT_TYPE_LABELS[event.type] ?? event.type}
        description={<span className="font-mono">{event.type}</span>}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
        <Card title="Details">
          <dl className="space-y-3 text-sm">
            <Meta label="Event ID">
              <span className="flex flex-wrap items-center gap-2">
                <span className="break-all font-mono text-xs">{event.id}</span>
                <CopyButton value={event.id} variant="ghost" aria-label="Copy event id" />
              </span>
            </Meta>
            <Meta label="Type">
              {EVENT_TYPE_LABELS[event.type] ?? event.type}{" "}
              <span className="font-mono text-xs text-slate-500">({event.type})</span>
            </Meta>
            <Meta label="Received">
              <time dateTime={event.createdAt.toISOString()}>{formatUtc(event.createdAt)}</time>
            </Meta>
            {event.idempotencyKey && (
              <Meta label="Idempotency key">
                <span className="break-all font-mono text-xs">{event.idempotencyKey}</span>
              </Meta>
            )}
            <Meta label="Deliveries">
              <DeliverySummary status={event.status} counts={event.counts} />
            </Meta>
          </dl>
        </Card>
        <Card title="Payload" description="The event data as recorded; each endpoint receives it in its own format.">
          <div className="mb-2 flex justify-end">
            <CopyButton value={payload} label="Copy JSON" />
          </div>
          <CodeBlock label="Event payload JSON">{payload}</CodeBlock>
        </Card>
      </div>
      <section className="mt-8" aria-labelledby="deliveries-heading">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="deliveries-heading" className="text-base font-semibold text-slate-900">
            Deliveries
          </h2>
          {live && (
            <span role="status" className="inline-flex items-center gap-2 text-xs text-slate-500">
              <span aria-hidden className="size-2 animate-pulse rounded-full bg-brand-500" />
              Updating live
            </span>
          )}
        </div>
        <EventDeliveries deliveries={event.deliveries} type={event.type} />
      </section>
    </>
  );
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 sm:grid-cols-[9rem_1fr]">
      <dt className="font-medium text-slate-500">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

export function EventDetailSkeleton() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading event">
      <Skeleton className="h-8 w-64" />
      <div className="grid gap-6 lg:grid-cols-2">
        <Skeleton className="h-48 w-full" />
        <Skeleton className="h-48 w-full" />
      </div>
      <Skeleton className="h-32 w-full" />
    </div>
  );
}
