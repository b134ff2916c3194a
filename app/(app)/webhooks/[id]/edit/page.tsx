import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { Toaster } from "@/components/ui/toast";
import { EditEndpointForm, EndpointFormSkeleton } from "@/components/webhooks/endpoint-form";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Edit webhook" };

export default async function EditWebhookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  prefetch(trpc.wabaNumbers.list.queryOptions());
  try {
    // Awaited (not just prefetched) so an unknown or foreign id is a 404, not an error page.
    await getQueryClient().fetchQuery(trpc.endpoints.get.queryOptions({ id }));
  } catch (err) {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  }
  return (
    <HydrateClient>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/webhooks" className="text-brand-700 hover:underline">
          Webhooks
        </Link>
        <span className="text-slate-400"> / </span>
        <Link href={`/webhooks/${id}`} className="font-mono text-brand-700 hover:underline">
          {id}
        </Link>
        <span className="text-slate-400"> / </span>
        <span className="text-slate-600">Edit</span>
      </nav>
      <PageHeader title="Edit webhook" description="Changes apply to the next delivery. Test before you save." />
      <Suspense fallback={<EndpointFormSkeleton />}>
        <EditEndpointForm id={id} />
      </Suspense>
      <Toaster />
    </HydrateClient>
  );
}
