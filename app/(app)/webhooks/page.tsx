import { Suspense } from "react";
import { EndpointsTable, EndpointsTableSkeleton } from "@/components/webhooks/endpoints-table";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { Toaster } from "@/components/ui/toast";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  prefetch(trpc.endpoints.list.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="Webhooks"
        description="Endpoints that receive your delivery reports (DLR), inbound messages (MO) and link clicks."
        actions={<LinkButton href="/webhooks/new">Add webhook</LinkButton>}
      />
      <Suspense fallback={<EndpointsTableSkeleton />}>
        <EndpointsTable />
      </Suspense>
      <Toaster />
    </HydrateClient>
  );
}
