import { HealthDashboard } from "@/components/health/health-dashboard";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetchReady, trpc } from "@/server/api/rsc";

export const metadata = { title: "Health" };

export default async function HealthPage() {
  await prefetchReady(trpc.health.dashboard.queryOptions({ range: "24h" }));
  return (
    <HydrateClient>
      <PageHeader
        title="Health"
        description="Success rate, response times and attempts of every endpoint. Endpoints that need attention come first."
      />
      <HealthDashboard />
    </HydrateClient>
  );
}
