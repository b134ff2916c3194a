import { Suspense } from "react";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Toaster } from "@/components/ui/toast";
import { EndpointDetails, EndpointDetailsSkeleton } from "@/components/webhooks/endpoint-details";
import { fetchOrNotFound, HydrateClient, trpc } from "@/server/api/rsc";

export const metadata = { title: "Webhook details" };

export default async function WebhookDetailsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await fetchOrNotFound(trpc.endpoints.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <Breadcrumb
        items={[
          { label: "Webhooks", href: "/webhooks" },
          { label: id, mono: true },
        ]}
      />
      <Suspense fallback={<EndpointDetailsSkeleton />}>
        <EndpointDetails id={id} />
      </Suspense>
      <Toaster />
    </HydrateClient>
  );
}
