import { CustomersTable } from "@/components/reseller/customers-table";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetchReady, trpc } from "@/server/api/rsc";

export const metadata = { title: "Customers" };

export default async function CustomersPage() {
  await prefetchReady(trpc.reseller.customers.queryOptions(undefined));
  return (
    <HydrateClient>
      <PageHeader title="Customers" description="Everyone who signed up on your white-label storefront." />
      <CustomersTable />
    </HydrateClient>
  );
}
