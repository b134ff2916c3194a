import { redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { TRPCReactProvider } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { getSession } from "@/server/auth/get-session";
import { getEnv } from "@/server/env";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const session = await getSession();
  if (!session) redirect("/sign-in");
  const notice = getEnv().WEBHOOK_ALLOW_PRIVATE_NETWORKS ? (
    <Alert tone="warning" className="mx-auto mb-6 max-w-6xl">
      Private network delivery is on (<code>WEBHOOK_ALLOW_PRIVATE_NETWORKS</code>): webhooks may reach localhost and
      internal addresses. Turn it off in production.
    </Alert>
  ) : null;
  return (
    <TRPCReactProvider>
      <AppShell user={{ name: session.user.name, email: session.user.email, role: session.user.role }} notice={notice}>
        {children}
      </AppShell>
    </TRPCReactProvider>
  );
}
