"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { DeliveryDetailDialog } from "@/components/deliveries/delivery-detail-dialog";
import { LIVE_STATUSES } from "@/components/deliveries/delivery-status";
import { DeliveryTable, DeliveryTableSkeleton } from "@/components/deliveries/delivery-table";
import { useRetryDelivery } from "@/components/deliveries/use-retry-delivery";
import { useTRPC } from "@/components/trpc/react";
import { EmptyState } from "@/components/ui/empty-state";

/**
 * The Signup Webhook's delivery log: status, HTTP code and error message (404, 500, timeout),
 * retry, and each delivery's attempts (request sent, response, hint) on click. The same rows and
 * detail as an endpoint's Deliveries tab.
 */
export function SignupDeliveries({ endpointId }: { endpointId: string }) {
  const trpc = useTRPC();
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery({
    ...trpc.deliveries.list.queryOptions({ endpointId, limit: 50 }),
    // Live while anything is still on its way.
    refetchInterval: (q) => (q.state.data?.data.some((d) => LIVE_STATUSES.has(d.status)) ? 2000 : false),
  });
  const retry = useRetryDelivery();

  if (list.isLoading) return <DeliveryTableSkeleton rows={3} />;
  if (list.error)
    return (
      <p role="alert" className="text-sm text-red-600">
        {list.error.message}
      </p>
    );
  const rows = list.data?.data ?? [];
  if (!rows.length)
    return (
      <EmptyState
        title="No signups delivered yet"
        description="Each signup on your storefront appears here with the response from your endpoint."
      />
    );

  return (
    <>
      <DeliveryTable
        deliveries={rows}
        caption="Signup webhook deliveries"
        rowTestId="signup-delivery"
        onOpen={setOpenId}
        onRetry={(id) => retry.mutate({ id })}
        retryingId={retry.isPending ? retry.variables?.id : null}
        selectedId={openId}
      />
      <DeliveryDetailDialog deliveryId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
