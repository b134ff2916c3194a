import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Signup webhook" };

export default function Page() {
  return (
    <>
      <PageHeader title="Signup webhook" description="Receive every new signup on your storefront in real time." />
      <EmptyState title="No signup webhook" description="Configure it under White label → Set Menu → Signup Webhook." />
    </>
  );
}
