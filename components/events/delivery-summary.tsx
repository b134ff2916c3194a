import { Badge } from "@/components/ui/badge";
import { EVENT_STATUS_STYLES } from "./event-status";

export type DeliveryCounts = { total: number; succeeded: number; failed: number; inFlight: number };

/** The overall status, then one badge per non-zero count ("2 succeeded", "1 failed", "1 in progress"). */
export function DeliverySummary({ status, counts }: { status: string; counts: DeliveryCounts }) {
  const style = EVENT_STATUS_STYLES[status] ?? { tone: "neutral" as const, label: status };
  const parts = [
    counts.succeeded > 0 && { key: "succeeded", tone: "success" as const, text: `${counts.succeeded} succeeded` },
    counts.failed > 0 && { key: "failed", tone: "danger" as const, text: `${counts.failed} failed` },
    counts.inFlight > 0 && { key: "in-flight", tone: "info" as const, text: `${counts.inFlight} in progress` },
  ].filter((p) => p !== false);
  return (
    <div className="flex flex-wrap items-center gap-1.5" data-testid="delivery-summary">
      <Badge tone={style.tone} dot>
        {style.label}
      </Badge>
      {counts.total > 0 && (
        <span className="text-xs text-slate-500">
          {counts.total} endpoint{counts.total === 1 ? "" : "s"}:
        </span>
      )}
      {parts.map((p) => (
        <Badge key={p.key} tone={p.tone}>
          {p.text}
        </Badge>
      ))}
    </div>
  );
}
