import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Customers" };

export default function Page() {
  return (
    <>
      <PageHeader title="Customers" description="Everyone who signed up on your white-label storefront." />
      <EmptyState title="No customers yet" description="Customers who sign up on your storefront appear here." />
    </>
  );
}
