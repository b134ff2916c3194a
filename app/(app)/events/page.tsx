import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Events" };

export default function Page() {
  return (
    <>
      <PageHeader title="Events" description="Every event sent to your endpoints, with its deliveries." />
      <EmptyState title="No events yet" description="Events appear here as soon as your messages produce delivery reports, replies or clicks." />
    </>
  );
}
