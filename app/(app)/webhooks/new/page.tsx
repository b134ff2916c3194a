import { Suspense } from "react";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageHeader } from "@/components/ui/page-header";
import { Toaster } from "@/components/ui/toast";
import { CreateEndpointForm, EndpointFormSkeleton } from "@/components/webhooks/endpoint-form";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Add webhook" };

export default function NewWebhookPage() {
  prefetch(trpc.wabaNumbers.list.queryOptions());
  return (
    <HydrateClient>
      <Breadcrumb items={[{ label: "Webhooks", href: "/webhooks" }, { label: "Add" }]} />
      <PageHeader
        title="Add webhook"
        description="Receive SMS and WhatsApp delivery reports (DLR) or WhatsApp inbound messages (MO) on your server. Test it before you save."
      />
      <Suspense fallback={<EndpointFormSkeleton />}>
        <CreateEndpointForm />
      </Suspense>
      <Toaster />
    </HydrateClient>
  );
}
