import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "White label" };

export default function Page() {
  return (
    <>
      <PageHeader title="White label" description="Your storefront's brand, colours and menu." />
      <EmptyState title="Storefront not set up" description="Set your brand name and slug to publish a branded sign-up page." />
    </>
  );
}
