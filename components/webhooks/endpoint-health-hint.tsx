import { Badge } from "@/components/ui/badge";
import { formatRate, rateTone } from "@/components/health/format-health";
import type { HealthDashboard } from "@/server/health/get-health-dashboard";

type Item = HealthDashboard["items"][number];

/** Under an endpoint's status in the table: failures in a row, or its 24 h success rate. */
export function EndpointHealthHint({ item }: { item: Item | undefined }) {
  if (!item || item.endpoint.status === "disabled") return null;
  if (item.attention === "failing") return <Badge tone="danger">{item.failedInARow} failures in a row</Badge>;
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
