import { SetMenu } from "@/components/reseller/set-menu";
import { WhiteLabelForm } from "@/components/reseller/white-label-form";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "White label" };

export default function WhiteLabelPage() {
  prefetch(trpc.reseller.whiteLabel.queryOptions());
  prefetch(trpc.reseller.signupWebhook.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="White label"
        description="Your storefront's brand. Customers who sign up there become your customers, and each signup is sent to your Signup Webhook."
      />
      <div className="space-y-6">
        <WhiteLabelForm />
        <SetMenu />
      </div>
    </HydrateClient>
  );
}
