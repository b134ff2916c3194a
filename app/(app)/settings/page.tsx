import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { OpsWebhookCard } from "@/components/settings/ops-webhook-card";
import { AccountDataCard } from "@/components/settings/account-data-card";
import { ChangePasswordCard } from "@/components/settings/change-password-card";
import { PrivacyCard } from "@/components/settings/privacy-card";
import { ProfileCard } from "@/components/settings/profile-card";
import { Skeleton } from "@/components/ui/skeleton";
import { getSession } from "@/server/auth/get-session";
import { WabaNumbersCard, WabaNumbersCardSkeleton } from "@/components/settings/waba-numbers";
import { Toaster } from "@/components/ui/toast";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  prefetch(trpc.account.me.queryOptions());
  prefetch(trpc.wabaNumbers.list.queryOptions());
  prefetch(trpc.account.privacy.queryOptions());
  prefetch(trpc.notifications.opsWebhook.queryOptions());
  const session = await getSession();
  return (
    <HydrateClient>
      <PageHeader
        title="Settings"
        description="Your profile, account, WhatsApp Business numbers, where alerts go, privacy and data."
      />
      <div className="space-y-6">
        <ProfileCard />
        <Suspense fallback={<WabaNumbersCardSkeleton />}>
          <WabaNumbersCard />
        </Suspense>
        <Suspense fallback={<WabaNumbersCardSkeleton />}>
          <OpsWebhookCard />
        </Suspense>
        <Suspense fallback={<Skeleton className="h-48" />}>
          <PrivacyCard />
        </Suspense>
        <ChangePasswordCard email={session?.user.email ?? ""} />
        <Suspense fallback={<Skeleton className="h-48" />}>
          <AccountDataCard />
        </Suspense>
      </div>
      <Toaster />
    </HydrateClient>
  );
}
