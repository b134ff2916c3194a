import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { StorefrontSignUp } from "@/components/reseller/storefront-sign-up";
import { StorefrontHeader } from "@/components/reseller/storefront-preview";
import { TRPCReactProvider } from "@/components/trpc/react";
import { serverCaller } from "@/server/api/rsc";

type Props = { params: Promise<{ slug: string }> };

const loadStorefront = cache(async (slug: string) => {
  try {
    return await (await serverCaller()).storefront.get({ slug });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") return null;
    throw err;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const store = await loadStorefront((await params).slug);
  return { title: store ? { absolute: `Sign up · ${store.brandName}` } : "Storefront not found" };
}

export default async function StorefrontSignUpPage({ params }: Props) {
  const { slug } = await params;
  const store = await loadStorefront(slug);
  if (!store) {
    // A storefront that changed its slug keeps its old links for 30 days.
    const moved = await (await serverCaller()).storefront.movedTo({ slug }).catch(() => null);
    if (moved) redirect(`/r/${moved.movedTo}/sign-up`);
    notFound();
  }
  return (
    <TRPCReactProvider>
      <main
        className="flex min-h-screen items-center justify-center px-4 py-12"
        style={{ backgroundColor: `${store.primaryColor}0d` }}
      >
        <div className="w-full max-w-lg">
          <div className="mb-6 flex justify-center">
            <StorefrontHeader brand={store} />
          </div>
          <div className="rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
            <h1 className="text-2xl font-semibold text-slate-900">Create your {store.brandName} account</h1>
            <p className="mb-6 mt-1 text-sm text-slate-500">
              SMS and WhatsApp messaging with real-time delivery reports.
            </p>
            <StorefrontSignUp slug={store.slug} primaryColor={store.primaryColor} />
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
    </TRPCReactProvider>
  );
}
