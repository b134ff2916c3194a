import { redirect } from "next/navigation";
import { TRPCReactProvider } from "@/components/trpc/react";
import { getSession } from "@/server/auth/get-session";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  if (await getSession()) redirect("/overview");
  return (
    <TRPCReactProvider>
      <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-slate-50 to-brand-50 px-4 py-12">
        <div className="w-full max-w-lg">
          <p className="mb-6 text-center text-xl font-bold tracking-tight text-brand-700">
            <span aria-hidden>⚡</span> Hookline
          </p>
          <div className="rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">{children}</div>
        </div>
      </main>
    </TRPCReactProvider>
  );
}
