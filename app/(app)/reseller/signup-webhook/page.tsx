import { SignupWebhookPage } from "@/components/reseller/signup-webhook-page";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Signup webhook" };

export default function Page() {
  prefetch(trpc.reseller.signupWebhook.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="Signup webhook"
        description="Receive every new signup on your white-label storefront in real time — signed, retried and logged."
      />
      <SignupWebhookPage />
    </HydrateClient>
  );
}
