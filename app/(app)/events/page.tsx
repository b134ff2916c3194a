import { Suspense } from "react";
import { parseEventFilters, toListInput } from "@/components/events/event-filters";
import { EventsList } from "@/components/events/events-list";
import { EventsTableSkeleton } from "@/components/events/events-table";
import { SendSampleButton } from "@/components/events/send-sample-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { Toaster } from "@/components/ui/toast";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";

export const metadata = { title: "Events" };

export default async function EventsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const filters = parseEventFilters(await searchParams);
  // The same input the browser builds from the URL, so the first page arrives with the HTML;
  // awaited, so the server renders the rows the browser hydrates (not a skeleton).
  await getQueryClient().prefetchInfiniteQuery(
    trpc.events.list.infiniteQueryOptions(toListInput(filters), { getNextPageParam: (page) => page.nextCursor }),
  );
  return (
    <HydrateClient>
      <PageHeader
        title="Events"
        description="Every event sent to your endpoints, with its deliveries. Times are UTC."
        actions={<SendSampleButton />}
      />
      <Suspense fallback={<EventsTableSkeleton />}>
        <EventsList />
      </Suspense>
      <Toaster />
    </HydrateClient>
  );
}
