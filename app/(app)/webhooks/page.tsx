import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Webhooks" };

export default function Page() {
  return (
    <>
      <PageHeader title="Webhooks" description="Endpoints that receive your delivery reports, inbound messages and link clicks." />
      <EmptyState title="No webhooks yet" description="Add an endpoint to start receiving DLR and MO events in real time." />
    </>
  );
}
