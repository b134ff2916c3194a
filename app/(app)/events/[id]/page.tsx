import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { EventDetail, EventDetailSkeleton } from "@/components/events/event-detail";
import { Toaster } from "@/components/ui/toast";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";

export const metadata = { title: "Event" };

export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    // Awaited (not just prefetched) so an unknown id, or another account's, is a real 404.
    await getQueryClient().fetchQuery(trpc.events.get.queryOptions({ id }));
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") notFound();
    throw err;
  }
  return (
    <HydrateClient>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/events" className="text-brand-700 hover:underline">
          Events
        </Link>
        <span className="text-slate-400" aria-hidden>
          {" / "}
        </span>
        <span className="font-mono text-slate-600" aria-current="page">
          {id}
        </span>
      </nav>
      <Suspense fallback={<EventDetailSkeleton />}>
        <EventDetail id={id} />
      </Suspense>
      <Toaster />
    </HydrateClient>
  );
}
