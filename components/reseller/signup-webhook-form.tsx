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
import { signupWebhookInputSchema, type SignupWebhookInput } from "@/server/endpoints/schemas";

type TestResult = {
  ok: boolean;
  status: number | null;
  statusText: string | null;
  durationMs: number;
  responseBody: string;
  hint: string | null;
  errorClass: string | null;
};

/** Set Menu → Feature: Signup Webhook. Send Method, Webhook Endpoint URL, Save Changes, Test Webhook. */
export function SignupWebhookForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: current } = useSuspenseQuery(trpc.reseller.signupWebhook.queryOptions());
  const [saved, setSaved] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<TestResult | null>(null);
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
    setFormError(null);
    try {
      setResult(await test.mutateAsync(values));
    } catch (err) {
      setFormError(applyServerIssues(err, form.setError, ["method", "url"]));
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
      {result && <SignupTestResult result={result} />}
    </form>
  );
}

function SignupTestResult({ result }: { result: TestResult }) {
  const title =
    result.status !== null
      ? `HTTP ${result.status}${result.statusText ? ` ${result.statusText}` : ""}`
      : result.errorClass === "timeout"
        ? "Timed out"
        : "No response";
  return (
    <section aria-live="polite" aria-label="Webhook test response" className="rounded-md ring-1 ring-slate-200">
      <div
        className={`flex flex-wrap items-center justify-between gap-2 rounded-t-md px-4 py-2 text-sm font-medium ${result.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}
      >
        <span data-testid="test-status">{title}</span>
        <span className="text-xs font-normal">{result.durationMs} ms</span>
      </div>
      <div className="space-y-2 px-4 py-3 text-sm">
        {result.hint && <p className="text-slate-700">{result.hint}</p>}
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Response message</p>
        <pre className="max-h-48 overflow-auto rounded bg-slate-50 p-2 text-xs text-slate-800">
          {result.responseBody || "(empty)"}
        </pre>
      </div>
    </section>
  );
}
