"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import {
  EMPTY_FILTERS,
  filtersToSearch,
  hasFilters,
  parseEventFilters,
  toListInput,
  type EventFilters,
} from "./event-filters";
import { EventsFilterBar } from "./events-filter-bar";
import { EventsTable, EventsTableSkeleton } from "./events-table";
import { SendSampleButton } from "./send-sample-dialog";

/** The Events page body: filters kept in the URL, the table, "Load more"; live while deliveries are on their way. */
export function EventsList() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filters = useMemo(() => parseEventFilters(new URLSearchParams(params.toString())), [params]);
  const setFilters = (next: EventFilters) => router.replace(`${pathname}${filtersToSearch(next)}`, { scroll: false });

  const query = useInfiniteQuery({
    ...trpc.events.list.infiniteQueryOptions(toListInput(filters), { getNextPageParam: (page) => page.nextCursor }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) =>
      q.state.data?.pages.some((p) => p.data.some((e) => e.status === "pending")) ? 3000 : false,
  });
  const events = query.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <>
      <EventsFilterBar filters={filters} onChange={setFilters} />
      {query.isPending ? (
        <EventsTableSkeleton />
      ) : query.isError && !query.data ? (
        <Alert tone="error" title="Events could not be loaded">
          <p>{query.error.message}</p>
          <Button variant="secondary" size="sm" className="mt-2" onClick={() => query.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : events.length === 0 ? (
        hasFilters(filters) ? (
          <EmptyState
            title={filters.q ? `Nothing found for “${filters.q}”` : "No events match these filters"}
            description={
              filters.q
                ? "The search matches an event id, a webhook-id (delivery id), transaction_id, message_id or mobile number exactly. Check it, or widen the other filters."
                : "Try another type, status or time range."
            }
            action={
              <Button variant="secondary" onClick={() => setFilters(EMPTY_FILTERS)}>
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState
            title="No events yet"
            description="Events appear here as soon as your messages produce delivery reports, replies or clicks. Send a sample event to see one arrive at your endpoints."
            action={<SendSampleButton />}
          />
        )
      ) : (
        <div
          className={query.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}
          aria-busy={query.isPlaceholderData || undefined}
        >
          <EventsTable events={events} />
          <div className="mt-3 flex flex-wrap items-center justify-between gap-3 text-xs text-slate-500">
            <span>
              {events.length} event{events.length === 1 ? "" : "s"} shown{query.hasNextPage ? "" : " — that is all"}
            </span>
            {query.hasNextPage && (
              <Button variant="secondary" loading={query.isFetchingNextPage} onClick={() => query.fetchNextPage()}>
                Load more
              </Button>
            )}
          </div>
          {query.isFetchNextPageError && (
            <p role="alert" className="mt-2 text-sm text-red-600">
              More events could not be loaded: {query.error?.message}
            </p>
          )}
        </div>
      )}
    </>
  );
}
