import { Suspense } from "react";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { EventDetail, EventDetailSkeleton } from "@/components/events/event-detail";
import { Toaster } from "@/components/ui/toast";
import { fetchOrNotFound, HydrateClient, trpc } from "@/server/api/rsc";

export const metadata = { title: "Event" };

export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await fetchOrNotFound(trpc.events.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <Breadcrumb
        items={[
          { label: "Events", href: "/events" },
          { label: id, mono: true },
        ]}
      />
      <Suspense fallback={<EventDetailSkeleton />}>
        <EventDetail id={id} />
      </Suspense>
      <Toaster />
    </HydrateClient>
  );
}
