import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { cache } from "react";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { AppShell } from "@/components/shell/app-shell";
import { TRPCReactProvider } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { serverCaller } from "@/server/api/rsc";
import { getSession } from "@/server/auth/get-session";
import { getEnv } from "@/server/env";

// A customer of a reseller sees the reseller's brand; read once per request.
const loadBrand = cache(async () => ((await getSession()) ? (await serverCaller()).account.brand() : null));

export async function generateMetadata(): Promise<Metadata> {
  const brand = await loadBrand();
  return brand ? { title: { default: brand.brandName, template: `%s · ${brand.brandName}` } } : {};
}

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const session = await getSession();
  if (!session) redirect("/sign-in");
  const brand = await loadBrand();
  const notice = getEnv().WEBHOOK_ALLOW_PRIVATE_NETWORKS ? (
    <Alert tone="warning" className="mx-auto mb-6 max-w-6xl">
      Private network delivery is on (<code>WEBHOOK_ALLOW_PRIVATE_NETWORKS</code>): webhooks may reach localhost and
      internal addresses. Turn it off in production.
    </Alert>
  ) : null;
  return (
    <TRPCReactProvider>
      <AppShell
        user={{ name: session.user.name, email: session.user.email, role: session.user.role }}
        brand={brand}
        notice={notice}
        topRight={<NotificationBell />}
      >
        {children}
      </AppShell>
    </TRPCReactProvider>
  );
}
