import type { ReactNode } from "react";
import { brandStyle } from "@/components/shell/brand-style";
import { StorefrontHeader } from "./storefront-preview";

type Store = { brandName: string; logoUrl: string | null; primaryColor: string; supportEmail: string | null };

/** A storefront's public page (sign-up, sign-in): the reseller's logo, name, colour and support email. */
export function StorefrontFrame({ store, title, children }: { store: Store; title: string; children: ReactNode }) {
  return (
    <main
      className="flex min-h-screen items-center justify-center px-4 py-12"
      style={{ backgroundColor: `${store.primaryColor}0d`, ...brandStyle(store.primaryColor) }}
    >
      <div className="w-full max-w-lg">
        <div className="mb-6 flex justify-center">
          <StorefrontHeader brand={store} />
        </div>
        <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
          <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
          <p className="mb-6 mt-1 text-sm text-slate-500">
            SMS and WhatsApp messaging with real-time delivery reports.
          </p>
          {children}
        </div>
        {store.supportEmail && (
          <p className="mt-6 text-center text-sm text-slate-500">
            Need help?{" "}
            <a className="font-medium underline" href={`mailto:${store.supportEmail}`}>
              {store.supportEmail}
            </a>
          </p>
        )}
      </div>
    </main>
  );
}
