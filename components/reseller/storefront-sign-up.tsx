"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { SIGN_UP_NOT_SIGNED_IN } from "@/components/auth/sign-up-outcome";
import { useTRPC } from "@/components/trpc/react";

/** The branded sign-up: creates a customer under the storefront's reseller, then signs in. */
export function StorefrontSignUp({ slug, primaryColor }: { slug: string; primaryColor: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const signUp = useMutation(trpc.storefront.signUp.mutationOptions());
  return (
    <div>
      <SignUpForm
        accentColor={primaryColor}
        allowReseller={false}
        submitLabel="Sign up"
        onSubmit={async (values) => {
          await signUp.mutateAsync({ ...values, slug });
          const res = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
          if (res?.error) throw new Error(SIGN_UP_NOT_SIGNED_IN);
          router.push("/overview");
          router.refresh();
        }}
      />
    </div>
  );
}
