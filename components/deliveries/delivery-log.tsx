"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { DeliveryDetailDialog } from "./delivery-detail-dialog";
import { DeliveryFilterBar } from "./delivery-filter-bar";
import {
  EMPTY_DELIVERY_FILTERS,
  hasDeliveryFilters,
  parseDeliveryFilters,
  toDeliveryListInput,
  withDeliveryFilters,
  type DeliveryFilters,
} from "./delivery-filters";
import { LIVE_STATUSES } from "./delivery-status";
import { DeliveryTable, DeliveryTableSkeleton } from "./delivery-table";
import { useRetryDelivery } from "./use-retry-delivery";

const DELIVERY_ID = /^dlv_[0-9a-z]{10,40}$/;

type DeliveryLogProps = { endpointId: string };

/**
 * An endpoint's delivery log: filters (status, event type, since/until) kept in the URL,
 * newest first with "Load more", Retry per row, and a row opens its attempts (`?delivery=dlv_…`,
 * so the Events page can link straight to one). Live while any visible delivery is on its way.
 */
export function DeliveryLog({ endpointId }: DeliveryLogProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filters = useMemo(() => parseDeliveryFilters(new URLSearchParams(params.toString())), [params]);
  const openId = params.get("delivery");
  const replace = (search: string) => router.replace(`${pathname}${search}`, { scroll: false });
  const setFilters = (next: DeliveryFilters) =>
    replace(withDeliveryFilters(new URLSearchParams(params.toString()), next));
  const setOpen = (id: string | null) => {
    const next = new URLSearchParams(params.toString());
    if (id) next.set("delivery", id);
    else next.delete("delivery");
    const search = next.toString();
    replace(search ? `?${search}` : "");
  };

  const retry = useRetryDelivery();
  const query = useInfiniteQuery({
    ...trpc.deliveries.list.infiniteQueryOptions(toDeliveryListInput(endpointId, filters), {
      getNextPageParam: (page) => page.nextCursor,
    }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) =>
      q.state.data?.pages.some((p) => p.data.some((d) => LIVE_STATUSES.has(d.status))) ? 2000 : false,
  });
  const rows = query.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <div>
      <DeliveryFilterBar filters={filters} onChange={setFilters} />
      {query.isPending ? (
        <DeliveryTableSkeleton />
      ) : query.isError && !query.data ? (
        <Alert tone="error" title="Deliveries could not be loaded">
          <p>{query.error.message}</p>
          <Button variant="secondary" size="sm" className="mt-2" onClick={() => query.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : rows.length === 0 ? (
        hasDeliveryFilters(filters) ? (
          <EmptyState
            title={filters.q ? `No delivery to this endpoint for “${filters.q}”` : "No deliveries match these filters"}
            description={
              filters.q
                ? "The search matches a webhook-id (delivery id), event id, transaction_id, message_id or mobile number exactly. The event may have gone to another endpoint: search all events."
                : "Try another status, event type or time range."
            }
            action={
              <Button variant="secondary" onClick={() => setFilters(EMPTY_DELIVERY_FILTERS)}>
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState
            title="No deliveries yet"
            description="Every event this endpoint subscribes to appears here with each attempt: the request we sent and what your server answered."
          />
        )
      ) : (
        <>
          <DeliveryTable
            deliveries={rows}
            caption="Deliveries of this endpoint"
            onOpen={setOpen}
            onRetry={(id) => retry.mutate({ id })}
            retryingId={retry.isPending ? retry.variables?.id : null}
            selectedId={openId}
          />
          {query.hasNextPage && (
            <div className="mt-4 flex justify-center">
              <Button variant="secondary" loading={query.isFetchingNextPage} onClick={() => query.fetchNextPage()}>
                Load more
              </Button>
            </div>
          )}
        </>
      )}
      <DeliveryDetailDialog
        deliveryId={openId && DELIVERY_ID.test(openId) ? openId : null}
        onClose={() => setOpen(null)}
        onOpen={setOpen}
      />
    </div>
  );
}
