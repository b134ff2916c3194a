import { Suspense } from "react";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageHeader } from "@/components/ui/page-header";
import { Toaster } from "@/components/ui/toast";
import { EditEndpointForm, EndpointFormSkeleton } from "@/components/webhooks/endpoint-form";
import { fetchOrNotFound, HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Edit webhook" };

export default async function EditWebhookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  prefetch(trpc.wabaNumbers.list.queryOptions());
  await fetchOrNotFound(trpc.endpoints.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <Breadcrumb
        items={[
          { label: "Webhooks", href: "/webhooks" },
          { label: id, href: `/webhooks/${id}`, mono: true },
          { label: "Edit" },
        ]}
      />
      <PageHeader title="Edit webhook" description="Changes apply to the next delivery. Test before you save." />
      <Suspense fallback={<EndpointFormSkeleton />}>
        <EditEndpointForm id={id} />
      </Suspense>
      <Toaster />
    </HydrateClient>
  );
}
