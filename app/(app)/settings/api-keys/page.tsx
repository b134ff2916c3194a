import { Suspense } from "react";
import { ApiKeysTable, ApiKeysTableSkeleton, CreateApiKeyCard } from "@/components/api-keys/api-keys-client";
import { PageHeader } from "@/components/ui/page-header";
import { Toaster } from "@/components/ui/toast";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  prefetch(trpc.apiKeys.list.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="API keys"
        description="Keys for the REST API. A key is shown once when you create it; Hookline stores only its hash."
      />
      <div className="space-y-6">
        <CreateApiKeyCard />
        <Suspense fallback={<ApiKeysTableSkeleton />}>
          <ApiKeysTable />
        </Suspense>
      </div>
      <Toaster />
    </HydrateClient>
  );
}
