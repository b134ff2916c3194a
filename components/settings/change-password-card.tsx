"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { changePasswordSchema, type ChangePasswordInput } from "@/server/accounts/schemas";
import { applyServerIssues } from "@/components/auth/apply-server-issues";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { InputField } from "@/components/ui/field";

/** Changing the password ends every session, this one too; the form signs in again with the new one. */
export function ChangePasswordCard({ email }: { email: string }) {
  const trpc = useTRPC();
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<ChangePasswordInput>({ resolver: zodResolver(changePasswordSchema) });
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const submit = form.handleSubmit(async (values) => {
    setStatus(null);
    try {
      await change.mutateAsync(values);
      await signIn("credentials", { email, password: values.newPassword, redirect: false });
      form.reset({ currentPassword: "", newPassword: "" });
      setStatus({ tone: "success", text: "Password changed. Every other session of your account has ended." });
    } catch (err) {
      const message = applyServerIssues(err, form.setError, ["currentPassword", "newPassword"]);
      if (message) setStatus({ tone: "error", text: message });
    }
  });

  return (
    <Card title="Password" description="A new password signs you out on every other device.">
      <form onSubmit={submit} noValidate className="grid max-w-md gap-4">
        {status && <Alert tone={status.tone}>{status.text}</Alert>}
        <InputField
          label="Current password"
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword?.message}
          {...register("currentPassword")}
        />
        <InputField
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters with a letter and a digit."
          error={errors.newPassword?.message}
          {...register("newPassword")}
        />
        <div>
          <Button type="submit" loading={isSubmitting}>
            Change password
          </Button>
        </div>
      </form>
    </Card>
  );
}
