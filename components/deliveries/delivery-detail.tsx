import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { EVENT_TYPE_LABELS, formatDateTime } from "@/components/webhooks/labels";
import { AttemptCard, type AttemptView } from "./attempt-card";
import { DeliveryStatusBadge } from "./delivery-status-badge";
import { RETRYABLE_STATUSES } from "./delivery-status";
import { isWaiting } from "./ordering-note";
import { OrderingNoteLine } from "./ordering-note-line";

type DeliveryDetailData = {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date | string | null;
  deliveredAt: Date | string | null;
  createdAt: Date | string;
  blockedBy?: string | null;
  supersededBy?: string | null;
  endpoint: { id: string; url: string };
  attemptLog: AttemptView[];
};

/** A delivery's summary and every attempt, newest first. */
export function DeliveryDetail({
  delivery: d,
  onRetry,
  onOpen,
  retrying,
}: {
  delivery: DeliveryDetailData;
  onRetry?: () => void;
  /** Opens another delivery (the one this waits for, or the one sent instead). */
  onOpen?: (id: string) => void;
  retrying?: boolean;
}) {
  const attempts = [...d.attemptLog].reverse();
  return (
    <div className="space-y-4">
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <Item label="Status">
          <DeliveryStatusBadge status={d.status} />
          <OrderingNoteLine delivery={d} onOpen={onOpen} />
        </Item>
        <Item label="Event">
          {EVENT_TYPE_LABELS[d.eventType] ?? d.eventType}{" "}
          <span className="font-mono text-xs text-slate-500">({d.eventType})</span>
        </Item>
        <Item label="Delivery id (webhook-id)">
          <span className="font-mono text-xs">{d.id}</span>{" "}
          <CopyButton value={d.id} variant="ghost" className="px-1 py-0.5 shadow-none" aria-label="Copy delivery id" />
        </Item>
        <Item label="Event id">
          <span className="font-mono text-xs">{d.eventId}</span>{" "}
          <CopyButton
            value={d.eventId}
            variant="ghost"
            className="px-1 py-0.5 shadow-none"
            aria-label="Copy event id"
          />
        </Item>
        <Item label="Created">{formatDateTime(d.createdAt)}</Item>
        <Item label={d.status === "succeeded" ? "Delivered" : "Next attempt"}>
          {d.status === "succeeded"
            ? formatDateTime(d.deliveredAt)
            : d.status === "failed"
              ? "None (retry or replay it)"
              : d.status === "superseded"
                ? "None (not needed)"
                : isWaiting(d)
                  ? "Once the delivery it waits for has finished"
                  : d.nextAttemptAt
                    ? formatDateTime(d.nextAttemptAt)
                    : "When the endpoint is resumed"}
        </Item>
        <Item label="Endpoint URL">
          <span className="break-all font-mono text-xs">{d.endpoint.url}</span>
        </Item>
        <Item label="Attempts">{d.attempts}</Item>
      </dl>
      {onRetry && RETRYABLE_STATUSES.has(d.status) && !isWaiting(d) && (
        <Button variant="secondary" size="sm" loading={retrying} onClick={onRetry}>
          Retry now
        </Button>
      )}
      <section aria-label="Attempts" className="space-y-3">
        {attempts.length === 0 ? (
          <p className="text-sm text-slate-500">
            No attempts yet: it is {d.status === "pending" ? "waiting to be sent" : d.status}.
          </p>
        ) : (
          attempts.map((a) => <AttemptCard key={a.id} attempt={a} />)
        )}
      </section>
    </div>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-slate-800">{children}</dd>
    </div>
  );
}
