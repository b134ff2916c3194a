"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import superjson from "superjson";
import { deleteAccountSchema, type DeleteAccountInput } from "@/server/accounts/schemas";
import { applyServerIssues } from "@/components/auth/apply-server-issues";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { InputField } from "@/components/ui/field";

function download(name: string, data: unknown) {
  const json = JSON.stringify(superjson.serialize(data).json, null, 2);
  const url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}

/** Export everything as JSON; delete the account (resellers: customers stay, detached). */
export function AccountDataCard() {
  const trpc = useTRPC();
  const { data: privacy } = useSuspenseQuery(trpc.account.privacy.queryOptions());
  const exportData = useMutation(trpc.account.export.mutationOptions());
  const remove = useMutation(trpc.account.delete.mutationOptions());
  const [status, setStatus] = useState<string | null>(null);
  const form = useForm<DeleteAccountInput>({ resolver: zodResolver(deleteAccountSchema) });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const reseller = privacy.accountType === "reseller";

  const exportNow = async () => {
    setStatus(null);
    try {
      const data = await exportData.mutateAsync();
      download(`hookline-export-${new Date().toISOString().slice(0, 10)}.json`, data);
    } catch (err) {
      setStatus((err as Error).message);
    }
  };

  const deleteNow = form.handleSubmit(async (values) => {
    setStatus(null);
    try {
      await remove.mutateAsync(values);
      await signOut({ callbackUrl: "/sign-in" });
    } catch (err) {
      setStatus(applyServerIssues(err, form.setError, ["password", "confirm"]));
    }
  });

  return (
    <Card title="Your data" description="Take a copy of your account's data, or delete the account.">
      <div className="space-y-6">
        {status && <Alert tone="error">{status}</Alert>}
        <div className="space-y-2">
          <p className="text-sm text-slate-600">
            A JSON file with your profile, endpoints (without secrets), WABA numbers, API keys (without the keys),
            events and deliveries. Masked data stays masked.
          </p>
          <Button variant="secondary" onClick={exportNow} loading={exportData.isPending}>
            Export account data
          </Button>
        </div>
        <form onSubmit={deleteNow} noValidate className="space-y-3 rounded-md p-4 ring-1 ring-red-200">
          <h3 className="text-sm font-semibold text-red-800">Delete account</h3>
          <p className="text-sm text-slate-600">
            Deletes the account and everything in it — endpoints, events, deliveries, logs, API keys
            {reseller ? ", your storefront and its Signup Webhook" : ""} — at once and for good.
            {reseller
              ? " Your customers keep their accounts: they are detached from your storefront and no longer appear anywhere in yours."
              : ""}
          </p>
          <div className="grid max-w-md gap-3">
            <InputField
              label="Your password"
              type="password"
              autoComplete="current-password"
              error={errors.password?.message}
              {...register("password")}
            />
            <InputField label="Type DELETE to confirm" error={errors.confirm?.message} {...register("confirm")} />
          </div>
          <Button type="submit" variant="danger" loading={isSubmitting}>
            Delete account
          </Button>
        </form>
      </div>
    </Card>
  );
}
