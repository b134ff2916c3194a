import { Time } from "@/components/ui/time";
import Link from "next/link";
import { CopyButton } from "@/components/ui/copy-button";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { EVENT_TYPE_LABELS } from "@/components/webhooks/labels";
import { DeliverySummary, type DeliveryCounts } from "./delivery-summary";

export type EventRow = { id: string; type: string; createdAt: Date; status: string; deliveries: DeliveryCounts };

/** The Events table: type with its label, id (linked, copyable), time, delivery summary. */
export function EventsTable({ events }: { events: EventRow[] }) {
  return (
    <Table caption="Events, newest first">
      <THead>
        <Th>Event</Th>
        <Th>ID</Th>
        <Th>Time</Th>
        <Th>Deliveries</Th>
      </THead>
      <TBody>
        {events.map((e) => (
          <tr key={e.id} className="hover:bg-slate-50" data-testid="event-row">
            <Td>
              <Link
                href={`/events/${e.id}`}
                className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
              >
                {EVENT_TYPE_LABELS[e.type] ?? e.type}
              </Link>
              <span className="block font-mono text-xs text-slate-500">{e.type}</span>
            </Td>
            <Td label="ID" className="whitespace-nowrap">
              <span className="flex items-center gap-2">
                <Link
                  href={`/events/${e.id}`}
                  className="font-mono text-xs text-slate-700 hover:text-brand-700 hover:underline"
                >
                  {e.id}
                </Link>
                <CopyButton value={e.id} label="Copy" variant="ghost" aria-label={`Copy event id ${e.id}`} />
              </span>
            </Td>
            <Td label="Time" className="whitespace-nowrap">
              <Time value={e.createdAt} />
            </Td>
            <Td label="Deliveries">
              <DeliverySummary status={e.status} counts={e.deliveries} />
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

export function EventsTableSkeleton() {
  return (
    <div
      className="space-y-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      aria-busy="true"
      aria-label="Loading events"
    >
      <Skeleton className="h-5 w-full" />
      {Array.from({ length: 6 }, (_, i) => (
        <Skeleton key={i} className="h-10 w-full" />
      ))}
    </div>
  );
}
