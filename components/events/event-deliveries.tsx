import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { formatDateTime, statusLine } from "@/components/webhooks/labels";
import { DeliveryStatusBadge } from "@/components/deliveries/delivery-status-badge";

export type EventDelivery = {
  id: string;
  endpointId: string;
  endpointUrl: string;
  endpointDescription: string | null;
  endpointStatus: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
};

function outcome(d: EventDelivery): string {
  if (d.status === "succeeded") return `Delivered ${formatDateTime(d.deliveredAt)}`;
  if (d.status === "sending") return "Sending now…";
  if (d.status === "retrying")
    return d.nextAttemptAt
      ? `${d.lastError ?? "Failed attempt"} — next attempt ${formatDateTime(d.nextAttemptAt)}`
      : `${d.lastError ?? "Failed attempt"} — waiting: the endpoint is paused`;
  if (d.status === "pending")
    return d.endpointStatus === "paused" || !d.nextAttemptAt
      ? "Waiting: the endpoint is paused"
      : `Queued — first attempt ${formatDateTime(d.nextAttemptAt)}`;
  return d.lastError ?? "Failed";
}

/** One row per endpoint the event went to; each links to that delivery's attempts in the endpoint's log. */
export function EventDeliveries({ deliveries, type }: { deliveries: EventDelivery[]; type: string }) {
  if (!deliveries.length) {
    return (
      <EmptyState
        title="No endpoint received this event"
        description={`No active endpoint was subscribed to ${type} when it arrived. Subscribe an endpoint to this type to receive the next ones.`}
        action={<LinkButton href="/webhooks">Manage webhooks</LinkButton>}
      />
    );
  }
  return (
    <Table caption="Deliveries of this event">
      <THead>
        <Th>Endpoint</Th>
        <Th>Status</Th>
        <Th>Attempts</Th>
        <Th>Last response</Th>
        <Th>Details</Th>
        <Th>
          <span className="sr-only">Attempts log</span>
        </Th>
      </THead>
      <TBody>
        {deliveries.map((d) => {
          return (
            <tr key={d.id} className="hover:bg-slate-50" data-testid="event-delivery">
              <Td className="max-w-[18rem]">
                <Link
                  href={`/webhooks/${d.endpointId}`}
                  className="block truncate font-mono text-xs text-slate-900 hover:text-brand-700 hover:underline"
                  title={d.endpointUrl}
                >
                  {d.endpointUrl}
                </Link>
                {d.endpointDescription && (
                  <span className="block truncate text-xs text-slate-500">{d.endpointDescription}</span>
                )}
              </Td>
              <Td label="Status">
                <DeliveryStatusBadge status={d.status} />
              </Td>
              <Td label="Attempts">{d.attempts}</Td>
              <Td label="Last response" className="whitespace-nowrap font-mono text-xs">
                {d.lastStatusCode ? statusLine(d.lastStatusCode) : "—"}
              </Td>
              <Td label="Details" className="max-w-md text-xs">
                {outcome(d)}
              </Td>
              <Td className="whitespace-nowrap text-right">
                <Link
                  href={`/webhooks/${d.endpointId}?delivery=${d.id}`}
                  className="rounded px-1.5 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50 hover:underline"
                >
                  View attempts<span className="sr-only"> of the delivery to {d.endpointUrl}</span>
                </Link>
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
