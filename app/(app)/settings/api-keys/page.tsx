import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "API keys" };

export default function Page() {
  return (
    <>
      <PageHeader title="API keys" description="Keys for the REST API. A key is shown once when you create it." />
      <EmptyState title="No API keys yet" description="Create a key to manage endpoints and send events over the REST API." />
    </>
  );
}
