import Link from "next/link";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { Toaster } from "@/components/ui/toast";
import { CreateEndpointForm, EndpointFormSkeleton } from "@/components/webhooks/endpoint-form";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Add webhook" };

export default function NewWebhookPage() {
  prefetch(trpc.wabaNumbers.list.queryOptions());
  return (
    <HydrateClient>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/webhooks" className="text-brand-700 hover:underline">
          Webhooks
        </Link>
        <span className="text-slate-400"> / </span>
        <span className="text-slate-600">Add</span>
      </nav>
      <PageHeader title="Add webhook" description="Receive SMS and WhatsApp delivery reports (DLR) or WhatsApp inbound messages (MO) on your server. Test it before you save." />
      <Suspense fallback={<EndpointFormSkeleton />}>
        <CreateEndpointForm />
      </Suspense>
      <Toaster />
    </HydrateClient>
  );
}
