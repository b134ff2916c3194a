"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { privacySettingsSchema, type PrivacySettingsInput } from "@/server/accounts/schemas";
import { applyServerIssues } from "@/components/auth/apply-server-issues";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { InputField } from "@/components/ui/field";

export function PrivacyCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.account.privacy.queryOptions());
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<PrivacySettingsInput>({
    resolver: zodResolver(privacySettingsSchema),
    defaultValues: { piiMasking: data.piiMasking, retentionDays: Math.min(data.retentionDays, 90) },
  });
  const save = useMutation(trpc.account.savePrivacy.mutationOptions());
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const submit = form.handleSubmit(async (values) => {
    setStatus(null);
    try {
      await save.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: trpc.account.privacy.queryKey() });
      setStatus({ tone: "success", text: "Privacy settings saved." });
    } catch (err) {
      const message = applyServerIssues(err, form.setError, ["piiMasking", "retentionDays"]);
      if (message) setStatus({ tone: "error", text: message });
    }
  });

  return (
    <Card title="Privacy" description="What Hookline keeps about the people you message, and for how long.">
      <form onSubmit={submit} noValidate className="space-y-4">
        {status && <Alert tone={status.tone}>{status.text}</Alert>}
        <Checkbox
          label="Mask mobile numbers and message text in logs"
          description="Delivery attempts are stored, and event payloads shown, as 9198XXXXX678 and [message hidden]. Your endpoints still receive the full values. Applies from now on; turning it off never reveals what was masked before."
          {...register("piiMasking")}
        />
        <InputField
          label="Keep events and delivery attempts for (days)"
          type="number"
          min={1}
          max={90}
          className="max-w-32"
          hint={`1–90 days; older ones are deleted every hour.${data.usesDefaultRetention ? ` Now: the default (${data.retentionDays} days).` : ""}`}
          error={errors.retentionDays?.message}
          {...register("retentionDays", { valueAsNumber: true })}
        />
        <Button type="submit" loading={isSubmitting}>
          Save privacy settings
        </Button>
      </form>
    </Card>
  );
}
