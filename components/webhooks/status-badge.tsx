import { Badge } from "@/components/ui/badge";
import { STATUS_STYLES } from "./labels";

/** active / paused / disabled, with the reason (e.g. auto-disabled after failures) as text. */
export function StatusBadge({
  status,
  reason,
  showReason = true,
}: {
  status: string;
  reason?: string | null;
  showReason?: boolean;
}) {
  const style = STATUS_STYLES[status] ?? { tone: "slate" as const, label: status };
  return (
    <span className="inline-flex max-w-56 flex-col items-start gap-1">
      <Badge tone={style.tone} dot title={reason ?? undefined}>
        {style.label}
      </Badge>
      {showReason && reason && status !== "active" && (
        <span className="line-clamp-2 text-xs text-slate-500" title={reason}>
          {reason}
        </span>
      )}
    </span>
  );
}
