import { Skeleton } from "@/components/ui/skeleton";
import { TBody, THead, Table, Th } from "@/components/ui/table";
import { DeliveryRow, type DeliveryRowData } from "./delivery-row";

type Props = {
  deliveries: DeliveryRowData[];
  onOpen: (id: string) => void;
  onRetry?: (id: string) => void;
  /** The delivery being retried right now (its button spins). */
  retryingId?: string | null;
  selectedId?: string | null;
  caption?: string;
  rowTestId?: string;
};

function Head() {
  return (
    <THead>
      <Th>Time</Th>
      <Th>Event</Th>
      <Th>Status</Th>
      <Th>Attempts</Th>
      <Th>Last response</Th>
      <Th>Next attempt</Th>
      <Th>
        <span className="sr-only">Actions</span>
      </Th>
    </THead>
  );
}

/** The deliveries as a table; each row opens the delivery's attempts. */
export function DeliveryTable({
  deliveries,
  onOpen,
  onRetry,
  retryingId,
  selectedId,
  caption = "Deliveries",
  rowTestId,
}: Props) {
  return (
    <Table caption={caption}>
      <Head />
      <TBody>
        {deliveries.map((d) => (
          <DeliveryRow
            key={d.id}
            delivery={d}
            onOpen={onOpen}
            onRetry={onRetry}
            retrying={retryingId === d.id}
            selected={selectedId === d.id}
            testId={rowTestId}
          />
        ))}
      </TBody>
    </Table>
  );
}

/** Placeholder rows while the first page loads. */
export function DeliveryTableSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <div
      role="status"
      aria-label="Loading deliveries"
      className="space-y-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-9 w-full" />
      ))}
    </div>
  );
}
