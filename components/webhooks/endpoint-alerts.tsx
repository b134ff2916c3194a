"use client";

import { failedInARowText } from "@/components/health/failure-streak";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { EndpointView } from "@/server/endpoints/to-endpoint-view";
import { formatDateTime } from "./labels";

type Props = { ep: EndpointView; onReEnable: () => void; reEnabling: boolean; onShowDeliveries: () => void };

/**
 * Banners above the endpoint's tabs: disabled (with the reason and Re-enable), paused, and a
 * warning from FAILURE_WARNING_THRESHOLD failed deliveries in a row, before auto-disable kicks in.
 */
export function EndpointAlerts({ ep, onReEnable, reEnabling, onShowDeliveries }: Props) {
  const trpc = useTRPC();
  // Polled: a retry or replay that succeeds should clear the warning soon after.
  const streak = useQuery({ ...trpc.health.streak.queryOptions({ endpointId: ep.id }), refetchInterval: 5_000 });

  if (ep.status === "disabled") {
    return (
      <Alert tone="error" title="This webhook is disabled" className="mb-6">
        <p>
          {ep.disabledReason ?? "Hookline stopped delivering to it."}
          {ep.disabledAt && <span className="text-red-700"> · since {formatDateTime(ep.disabledAt)}</span>}
        </p>
        <p className="mt-1">
          No new deliveries are created while it is disabled. Fix the problem, run Test Webhook, then re-enable it: you
          can replay what it missed.
        </p>
        <Button size="sm" className="mt-3" onClick={onReEnable} loading={reEnabling}>
          Re-enable…
        </Button>
      </Alert>
    );
  }
  if (ep.status === "paused") {
    return (
      <Alert tone="warning" title="This webhook is paused" className="mb-6">
        Deliveries to it are held, not dropped: they go out when you resume it.
      </Alert>
    );
  }
  const data = streak.data;
  if (data && data.failedInARow >= data.thresholds.warnAfter) {
    return (
      <Alert tone="warning" title={`This webhook is failing: ${failedInARowText(data.failedInARow)}`} className="mb-6">
        <p>
          {data.lastSuccessAt
            ? `The last successful delivery was ${formatDateTime(data.lastSuccessAt)}. `
            : "No delivery has succeeded yet. "}
          A delivery counts as failed once all its retries have failed. At {data.thresholds.disableAfter} failed
          deliveries in a row Hookline disables this webhook ({data.failedInARow} so far); one success resets the count.
        </p>
        <Button size="sm" variant="secondary" className="mt-3" onClick={onShowDeliveries}>
          See failed deliveries
        </Button>
      </Alert>
    );
  }
  return null;
}
