import { Badge } from "@/components/ui/badge";
import { statusLine } from "@/components/webhooks/labels";
import { DELIVERY_STATUS_STYLES } from "./delivery-status";

/** Pending / Sending / Retrying / Succeeded / Failed, with what it means on hover. */
export function DeliveryStatusBadge({ status }: { status: string }) {
  const style = DELIVERY_STATUS_STYLES[status] ?? { tone: "neutral" as const, label: status, description: status };
  return (
    <Badge tone={style.tone} dot title={style.description}>
      {style.label}
    </Badge>
  );
}

/** An HTTP status code coloured by class ("404 Not Found" on hover); "—" when there was no response. */
export function HttpCode({ status }: { status: number | null | undefined }) {
  if (status === null || status === undefined) return <span className="text-slate-400">—</span>;
  const tone = status >= 200 && status < 300 ? "text-emerald-700" : status >= 500 ? "text-red-700" : "text-amber-700";
  return (
    <span className={`font-mono text-xs font-semibold ${tone}`} title={statusLine(status)}>
      {status}
    </span>
  );
}
