"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerIssues } from "@/components/auth/apply-server-issues";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { TestResultPanel, type WebhookTestResult } from "@/components/webhooks/test-result-panel";
import { signupWebhookInputSchema, type SignupWebhookInput } from "@/server/endpoints/schemas";

/** Set Menu → Feature: Signup Webhook. Send Method, Webhook Endpoint URL, Save Changes, Test Webhook. */
export function SignupWebhookForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: current } = useSuspenseQuery(trpc.reseller.signupWebhook.queryOptions());
  const [saved, setSaved] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<WebhookTestResult | null>(null);
  const [testError, setTestError] = useState<string | null>(null);
  const form = useForm<SignupWebhookInput>({
    resolver: zodResolver(signupWebhookInputSchema),
    defaultValues: { method: current?.sendMethod ?? "POST", url: current?.url ?? "" },
  });
  const save = useMutation(trpc.reseller.saveSignupWebhook.mutationOptions());
  const test = useMutation(trpc.reseller.testSignupWebhook.mutationOptions());
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const onSave = form.handleSubmit(async (values) => {
    setSaved(null);
    setFormError(null);
    try {
      await save.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: trpc.reseller.signupWebhook.queryKey() });
      setSaved("Signup webhook saved. Every new signup on your storefront is sent to it.");
    } catch (err) {
      setFormError(applyServerIssues(err, form.setError, ["method", "url"]));
    }
  });

  const onTest = form.handleSubmit(async (values) => {
    setResult(null);
    setTestError(null);
    try {
      setResult(await test.mutateAsync(values));
    } catch (err) {
      setTestError(applyServerIssues(err, form.setError, ["method", "url"]));
    }
  });

  return (
    <form onSubmit={onSave} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      {saved && <Alert tone="success">{saved}</Alert>}
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <SelectField label="Send Method" error={errors.method?.message} {...register("method")}>
          <option value="POST">POST</option>
          <option value="GET">GET</option>
        </SelectField>
        <InputField
          label="Webhook Endpoint URL"
          type="url"
          placeholder="https://crm.example.com/hooks/signup"
          error={errors.url?.message}
          {...register("url")}
        />
      </div>
      <p className="text-xs text-slate-500">
        POST sends the signup as an <code>application/json</code> body; GET as a query string. Requests time out after 5
        seconds and are signed (Standard Webhooks).
      </p>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" loading={isSubmitting}>
          Save Changes
        </Button>
        <Button variant="secondary" onClick={onTest} loading={test.isPending}>
          Test Webhook
        </Button>
      </div>
      {(result || test.isPending || testError) && (
        <TestResultPanel result={result} pending={test.isPending} error={testError} />
      )}
    </form>
  );
}
