"use client";

import { Time } from "@/components/ui/time";
import type { MouseEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import { EVENT_TYPE_LABELS } from "@/components/webhooks/labels";
import { HttpCode, DeliveryStatusBadge } from "./delivery-status-badge";
import { RETRYABLE_STATUSES } from "./delivery-status";
import { isWaiting } from "./ordering-note";
import { OrderingNoteLine } from "./ordering-note-line";

/** The fields of a `deliveries.list` row the log shows. */
export type DeliveryRowData = {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  /** null while the endpoint is paused (the delivery waits for the resume). */
  nextAttemptAt: Date | string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  /** Ordered delivery: the earlier delivery of the same message it waits for. */
  blockedBy?: string | null;
  /** Latest status only: the delivery of the same message sent instead. */
  supersededBy?: string | null;
  createdAt: Date | string;
};

type DeliveryRowProps = {
  delivery: DeliveryRowData;
  onOpen: (id: string) => void;
  onRetry?: (id: string) => void;
  retrying?: boolean;
  selected?: boolean;
  /** `data-testid` of the row (the reseller page's e2e test waits for "signup-delivery"). */
  testId?: string;
};

const stop = (e: MouseEvent) => e.stopPropagation();

/** One delivery: click anywhere (or the time, by keyboard) to open its attempts. */
export function DeliveryRow({
  delivery: d,
  onOpen,
  onRetry,
  retrying,
  selected,
  testId = "delivery-row",
}: DeliveryRowProps) {
  const next =
    (d.status === "retrying" || (d.status === "pending" && d.attempts > 0)) && d.nextAttemptAt ? (
      <Time value={d.nextAttemptAt} />
    ) : null;
  return (
    <tr
      data-testid={testId}
      aria-selected={selected || undefined}
      onClick={() => onOpen(d.id)}
      className={cn("cursor-pointer hover:bg-slate-50", selected && "bg-brand-50")}
    >
      <td className="whitespace-nowrap px-4 py-3 align-top">
        <button
          type="button"
          onClick={(e) => (stop(e), onOpen(d.id))}
          className="rounded text-left font-medium text-brand-700 hover:underline"
          aria-label={`Open delivery ${d.id}`}
        >
          <Time value={d.createdAt} />
        </button>
      </td>
      <td data-label="Event" className="px-4 py-3 align-top">
        <p className="text-slate-900">{EVENT_TYPE_LABELS[d.eventType] ?? d.eventType}</p>
        <p className="mt-0.5 flex items-center gap-1 font-mono text-xs text-slate-500" onClick={stop}>
          <span className="max-w-40 truncate" title={d.eventId}>
            {d.eventId}
          </span>
          <CopyButton
            value={d.eventId}
            label="Copy"
            copiedLabel="Copied"
            variant="ghost"
            aria-label={`Copy event id ${d.eventId}`}
            className="px-1 py-0.5 shadow-none"
          />
        </p>
      </td>
      <td data-label="Status" className="px-4 py-3 align-top">
        <DeliveryStatusBadge status={d.status} />
        <OrderingNoteLine delivery={d} onOpen={onOpen} />
      </td>
      <td data-label="Attempts" className="px-4 py-3 align-top text-slate-700">
        {d.attempts}
      </td>
      <td data-label="Last response" className="max-w-72 px-4 py-3 align-top">
        <HttpCode status={d.lastStatusCode} />
        {d.lastError && (
          <p className="mt-0.5 line-clamp-2 text-xs text-slate-500" title={d.lastError}>
            {d.lastError}
          </p>
        )}
      </td>
      <td data-label="Next attempt" className="whitespace-nowrap px-4 py-3 align-top text-slate-700">
        {next ?? <span className="text-slate-400">—</span>}
      </td>
      <td className="px-4 py-3 text-right align-top" onClick={stop}>
        {onRetry && RETRYABLE_STATUSES.has(d.status) && !isWaiting(d) && (
          <Button size="sm" variant="secondary" loading={retrying} onClick={() => onRetry(d.id)}>
            Retry
          </Button>
        )}
      </td>
    </tr>
  );
}
