import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { ProfileCard } from "@/components/settings/profile-card";
import { WabaNumbersCard, WabaNumbersCardSkeleton } from "@/components/settings/waba-numbers";
import { Toaster } from "@/components/ui/toast";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  prefetch(trpc.account.me.queryOptions());
  prefetch(trpc.wabaNumbers.list.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Settings" description="Your profile, account and WhatsApp Business numbers." />
      <div className="space-y-6">
        <ProfileCard />
        <Suspense fallback={<WabaNumbersCardSkeleton />}>
          <WabaNumbersCard />
        </Suspense>
      </div>
      <Toaster />
    </HydrateClient>
  );
}
