import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { SignInForm } from "@/components/auth/sign-in-form";
import { StorefrontFrame } from "@/components/reseller/storefront-frame";
import { getSession } from "@/server/auth/get-session";
import { loadStorefront, storefrontOrElsewhere } from "../load-storefront";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const store = await loadStorefront((await params).slug);
  return { title: store ? { absolute: `Sign in · ${store.brandName}` } : "Storefront not found" };
}

/** The storefront's branded sign-in: the reseller's customers never see Hookline's. */
export default async function StorefrontSignInPage({ params }: Props) {
  const store = await storefrontOrElsewhere((await params).slug, "sign-in");
  if (await getSession()) redirect("/overview");
  return (
    <StorefrontFrame store={store} title={`Sign in to ${store.brandName}`}>
      <Suspense>
        <SignInForm accentColor={store.primaryColor} />
      </Suspense>
      <p className="mt-6 text-center text-sm text-slate-600">
        New to {store.brandName}?{" "}
        <Link href={`/r/${store.slug}/sign-up`} className="font-medium text-brand-700 hover:underline">
          Create an account
        </Link>
      </p>
    </StorefrontFrame>
  );
}
