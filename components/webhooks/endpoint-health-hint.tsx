import { Badge } from "@/components/ui/badge";
import { failedInARowText } from "@/components/health/failure-streak";
import { formatRate, rateTone } from "@/components/health/format-health";
import type { HealthDashboard } from "@/server/health/get-health-dashboard";

type Item = HealthDashboard["items"][number];

/** Under an endpoint's status in the table: failed deliveries in a row, or its 24 h success rate. */
export function EndpointHealthHint({ item }: { item: Item | undefined }) {
  if (!item || item.endpoint.status === "disabled") return null;
  if (item.attention === "failing") return <Badge tone="danger">{failedInARowText(item.failedInARow)}</Badge>;
  if (!item.summary.attempts) return null;
  return (
    <span
      className="text-xs text-slate-500"
      title={`${item.summary.succeeded} of ${item.summary.attempts} attempts succeeded in the last 24 hours`}
    >
      <Badge tone={rateTone(item.summary.successRate)}>{formatRate(item.summary.successRate)}</Badge> 24 h
    </span>
  );
}
