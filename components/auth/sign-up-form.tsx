"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { signUpSchema, type SignUpData, type SignUpInput } from "@/server/accounts/schemas";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { applyServerIssues } from "./apply-server-issues";
import { SIGN_UP_NOT_SIGNED_IN } from "./sign-up-outcome";

const FIELDS = ["fullName", "username", "email", "mobileNumber", "city", "region", "country", "password"] as const;

export function SignUpForm({
  allowReseller = true,
  onSubmit,
  submitLabel = "Create account",
  accentColor,
}: {
  allowReseller?: boolean;
  /** Overrides the default (tRPC sign-up, then sign in and open the dashboard). */
  onSubmit?: (values: SignUpData) => Promise<void>;
  submitLabel?: string;
  /** A storefront's brand colour for the submit button. */
  accentColor?: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SignUpInput, unknown, SignUpData>({
    resolver: zodResolver(signUpSchema),
    defaultValues: { accountType: "customer" },
  });
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      if (onSubmit) return await onSubmit(values);
      await signUp.mutateAsync(values);
      const res = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
      if (res?.error) return setFormError(SIGN_UP_NOT_SIGNED_IN);
      router.push("/overview");
      router.refresh();
    } catch (err) {
      setFormError(applyServerIssues(err, form.setError, FIELDS));
    }
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <InputField label="Full name" autoComplete="name" error={errors.fullName?.message} {...register("fullName")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField
          label="Username"
          autoComplete="username"
          error={errors.username?.message}
          {...register("username")}
        />
        <InputField
          label="Mobile number"
          type="tel"
          autoComplete="tel"
          placeholder="919812345678"
          error={errors.mobileNumber?.message}
          {...register("mobileNumber")}
        />
      </div>
      <InputField
        label="Email"
        type="email"
        autoComplete="email"
        error={errors.email?.message}
        {...register("email")}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <InputField label="City" autoComplete="address-level2" error={errors.city?.message} {...register("city")} />
        <InputField
          label="Region"
          autoComplete="address-level1"
          error={errors.region?.message}
          {...register("region")}
        />
        <InputField
          label="Country"
          autoComplete="country-name"
          error={errors.country?.message}
          {...register("country")}
        />
      </div>
      <InputField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters with a letter and a digit."
        error={errors.password?.message}
        {...register("password")}
      />
      {allowReseller && (
        <label className="flex items-start gap-3 rounded-md bg-slate-50 p-3 text-sm ring-1 ring-slate-200">
          <input
            type="checkbox"
            className="mt-0.5 size-4 rounded border-slate-300"
            onChange={(e) => form.setValue("accountType", e.target.checked ? "reseller" : "customer")}
          />
          <span>
            <span className="font-medium text-slate-800">Register as a reseller</span>
            <span className="block text-slate-500">
              Run a white-label storefront and receive a webhook for every customer who signs up there.
            </span>
          </span>
        </label>
      )}
      <Button
        type="submit"
        className="w-full"
        loading={isSubmitting}
        style={accentColor ? { backgroundColor: accentColor } : undefined}
      >
        {submitLabel}
      </Button>
    </form>
  );
}
