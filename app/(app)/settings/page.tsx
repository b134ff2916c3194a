import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { OpsWebhookCard } from "@/components/settings/ops-webhook-card";
import { ProfileCard } from "@/components/settings/profile-card";
import { WabaNumbersCard, WabaNumbersCardSkeleton } from "@/components/settings/waba-numbers";
import { Toaster } from "@/components/ui/toast";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  prefetch(trpc.account.me.queryOptions());
  prefetch(trpc.wabaNumbers.list.queryOptions());
  prefetch(trpc.notifications.opsWebhook.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="Settings"
        description="Your profile, account, WhatsApp Business numbers and where alerts go."
      />
      <div className="space-y-6">
        <ProfileCard />
        <Suspense fallback={<WabaNumbersCardSkeleton />}>
          <WabaNumbersCard />
        </Suspense>
        <Suspense fallback={<WabaNumbersCardSkeleton />}>
          <OpsWebhookCard />
        </Suspense>
      </div>
      <Toaster />
    </HydrateClient>
  );
}
