"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerIssues } from "@/components/auth/apply-server-issues";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { InputField } from "@/components/ui/field";
import { SecretOnceDialog } from "@/components/webhooks/secret-dialog";
import { opsWebhookInputSchema, type OpsWebhookInput } from "@/server/alerts/schemas";

/**
 * Settings → Operational webhook: where endpoint.failing / endpoint.disabled / endpoint.recovered
 * go, signed like every webhook. Saved as an ordinary endpoint, so its deliveries are logged too.
 */
export function OpsWebhookCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: current } = useSuspenseQuery(trpc.notifications.opsWebhook.queryOptions());
  const save = useMutation(trpc.notifications.saveOpsWebhook.mutationOptions());
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm<OpsWebhookInput>({
    resolver: zodResolver(opsWebhookInputSchema),
    defaultValues: { url: current?.url ?? "" },
  });

  const submit = form.handleSubmit(async (values) => {
    setStatus(null);
    try {
      const result = await save.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: trpc.notifications.opsWebhook.queryKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.endpoints.pathKey() });
      setStatus({ tone: "success", text: "Operational webhook saved." });
      if (result.signingSecret) setSecret(result.signingSecret);
    } catch (err) {
      const message = applyServerIssues(err, form.setError, ["url"]);
      if (message) setStatus({ tone: "error", text: message });
    }
  });

  return (
    <div id="ops-webhook">
      <Card
        title="Operational webhook"
        description="Receives endpoint.failing, endpoint.disabled and endpoint.recovered about your endpoints, signed like every webhook. You also get these alerts in the app (the bell) and by email."
      >
        <form onSubmit={submit} noValidate className="space-y-4">
          {status && <Alert tone={status.tone}>{status.text}</Alert>}
          <InputField
            label="Operational webhook URL"
            type="url"
            placeholder="https://ops.example.com/hooks/hookline"
            error={form.formState.errors.url?.message}
            {...form.register("url")}
          />
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" loading={form.formState.isSubmitting}>
              Save
            </Button>
            {current && (
              <Link href={`/webhooks/${current.id}`} className="text-sm font-medium text-brand-700 hover:underline">
                Its deliveries and signing secret
              </Link>
            )}
          </div>
        </form>
      </Card>
      <SecretOnceDialog
        open={secret !== null}
        title="Operational webhook saved"
        description="Verify its requests with this signing secret (Standard Webhooks)."
        secret={secret ?? ""}
        revealable
        doneLabel="Done"
        onDone={() => setSecret(null)}
      />
    </div>
  );
}
