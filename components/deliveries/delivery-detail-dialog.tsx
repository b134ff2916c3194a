"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Dialog } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { DeliveryDetail } from "./delivery-detail";
import { LIVE_STATUSES } from "./delivery-status";
import { useRetryDelivery } from "./use-retry-delivery";

/**
 * The delivery `deliveryId` (null = closed) with every attempt; live while it is on its way.
 * `onOpen` switches to another delivery (the one of the same message it waits for or was replaced by).
 */
export function DeliveryDetailDialog({
  deliveryId,
  onClose,
  onOpen,
}: {
  deliveryId: string | null;
  onClose: () => void;
  onOpen?: (id: string) => void;
}) {
  const trpc = useTRPC();
  const retry = useRetryDelivery();
  const query = useQuery({
    ...trpc.deliveries.get.queryOptions({ id: deliveryId ?? "" }),
    enabled: Boolean(deliveryId),
    refetchInterval: (q) => (q.state.data && LIVE_STATUSES.has(q.state.data.status) ? 2000 : false),
  });
  return (
    <Dialog
      open={Boolean(deliveryId)}
      onClose={onClose}
      size="lg"
      title="Delivery"
      description={deliveryId ? <span className="font-mono text-xs">{deliveryId}</span> : undefined}
    >
      {query.isPending ? (
        <div className="space-y-2" role="status" aria-label="Loading delivery">
          <Skeleton className="h-16 w-full" />
          <Skeleton className="h-40 w-full" />
        </div>
      ) : query.isError ? (
        <Alert tone="error" title="This delivery could not be loaded">
          {query.error.message}
        </Alert>
      ) : (
        <DeliveryDetail
          delivery={query.data}
          onRetry={() => retry.mutate({ id: query.data.id })}
          onOpen={onOpen}
          retrying={retry.isPending}
        />
      )}
    </Dialog>
  );
}
