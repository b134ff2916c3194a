"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { requestPasswordResetSchema, type RequestPasswordResetInput } from "@/server/accounts/schemas";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { applyServerIssues } from "./apply-server-issues";

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<RequestPasswordResetInput>({ resolver: zodResolver(requestPasswordResetSchema) });
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await request.mutateAsync(values);
      setSentTo(values.email);
    } catch (err) {
      setFormError(applyServerIssues(err, form.setError, ["email"]));
    }
  });

  if (sentTo)
    return (
      <Alert tone="success">
        If {sentTo} has a Hookline account, a link to choose a new password is on its way. It works once, for 30
        minutes.
      </Alert>
    );
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <InputField
        label="Email"
        type="email"
        autoComplete="email"
        error={errors.email?.message}
        {...register("email")}
      />
      <Button type="submit" className="w-full" loading={isSubmitting}>
        Send reset link
      </Button>
    </form>
  );
}
