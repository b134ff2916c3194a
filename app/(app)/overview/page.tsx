import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetchReady, trpc } from "@/server/api/rsc";

export const metadata = { title: "Overview" };

export default async function OverviewPage() {
  await prefetchReady(trpc.overview.get.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Overview" description="The last 24 hours of your webhooks at a glance. Times are UTC." />
      <OverviewDashboard />
    </HydrateClient>
  );
}
