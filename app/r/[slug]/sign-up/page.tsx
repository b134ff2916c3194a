import type { Metadata } from "next";
import Link from "next/link";
import { StorefrontFrame } from "@/components/reseller/storefront-frame";
import { StorefrontSignUp } from "@/components/reseller/storefront-sign-up";
import { TRPCReactProvider } from "@/components/trpc/react";
import { loadStorefront, storefrontOrElsewhere } from "../load-storefront";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const store = await loadStorefront((await params).slug);
  return { title: store ? { absolute: `Sign up · ${store.brandName}` } : "Storefront not found" };
}

export default async function StorefrontSignUpPage({ params }: Props) {
  const store = await storefrontOrElsewhere((await params).slug, "sign-up");
  return (
    <TRPCReactProvider>
      <StorefrontFrame store={store} title={`Create your ${store.brandName} account`}>
        <StorefrontSignUp slug={store.slug} primaryColor={store.primaryColor} />
        <p className="mt-6 text-center text-sm text-slate-600">
          Already have an account?{" "}
          <Link href={`/r/${store.slug}/sign-in`} className="font-medium text-brand-700 hover:underline">
            Sign in
          </Link>
        </p>
      </StorefrontFrame>
    </TRPCReactProvider>
  );
}
