import Link from "next/link";
import { Suspense } from "react";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata = { title: "Sign in" };

export default function SignInPage() {
  return (
    <>
      <h1 className="text-2xl font-semibold text-slate-900">Sign in</h1>
      <p className="mb-6 mt-1 text-sm text-slate-500">Manage your webhooks and watch every delivery.</p>
      <Suspense>
        <SignInForm />
      </Suspense>
      <p className="mt-4 text-center text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-600 hover:underline">
          Forgot your password?
        </Link>
      </p>
      <p className="mt-2 text-center text-sm text-slate-600">
        New to Hookline?{" "}
        <Link href="/sign-up" className="font-medium text-brand-600 hover:underline">
          Create an account
        </Link>
      </p>
    </>
  );
}
