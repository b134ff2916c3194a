import { PageHeader } from "@/components/ui/page-header";
import { ProfileCard } from "@/components/settings/profile-card";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  prefetch(trpc.account.me.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Settings" description="Your profile and account." />
      <ProfileCard />
    </HydrateClient>
  );
}
