"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { resetPasswordSchema, type ResetPasswordInput } from "@/server/accounts/schemas";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { applyServerIssues } from "./apply-server-issues";

export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const [done, setDone] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ResetPasswordInput>({ resolver: zodResolver(resetPasswordSchema), defaultValues: { token } });
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await reset.mutateAsync(values);
      setDone(true);
    } catch (err) {
      setFormError(applyServerIssues(err, form.setError, ["password"]));
    }
  });

  if (done)
    return (
      <Alert tone="success">
        Your password is changed and every session of your account has ended.{" "}
        <Link href="/sign-in" className="font-medium underline">
          Sign in
        </Link>{" "}
        with the new password.
      </Alert>
    );
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {(formError || errors.token) && <Alert tone="error">{formError ?? errors.token?.message}</Alert>}
      <input type="hidden" {...register("token")} />
      <InputField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters with a letter and a digit."
        error={errors.password?.message}
        {...register("password")}
      />
      <Button type="submit" className="w-full" loading={isSubmitting}>
        Set new password
      </Button>
    </form>
  );
}
