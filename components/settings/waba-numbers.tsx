"use client";

import { Time } from "@/components/ui/time";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerIssues } from "@/components/auth/apply-server-issues";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { InputField } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { addWabaNumberSchema, type AddWabaNumberInput } from "@/server/waba-numbers/schemas";
import type { z } from "zod";

/** Settings → WhatsApp Business numbers: the numbers a WhatsApp webhook can be tied to. */
export function WabaNumbersCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: numbers } = useSuspenseQuery(trpc.wabaNumbers.list.queryOptions());
  const add = useMutation(trpc.wabaNumbers.add.mutationOptions());
  const remove = useMutation(trpc.wabaNumbers.remove.mutationOptions());
  const [pending, setPending] = useState<{ id: string; number: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof addWabaNumberSchema>, unknown, AddWabaNumberInput>({
    resolver: zodResolver(addWabaNumberSchema),
    defaultValues: { number: "", label: "" },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const added = await add.mutateAsync({ number: values.number, label: values.label ?? undefined });
      await queryClient.invalidateQueries({ queryKey: trpc.wabaNumbers.pathKey() });
      toast.success("WABA number added", added.number);
      form.reset();
    } catch (err) {
      setFormError(applyServerIssues(err, form.setError, ["number", "label"]));
    }
  });

  const confirmRemove = async () => {
    if (!pending) return;
    await remove.mutateAsync({ id: pending.id });
    await queryClient.invalidateQueries({ queryKey: trpc.wabaNumbers.pathKey() });
    toast.success("WABA number removed", pending.number);
    setPending(null);
  };

  return (
    <Card
      title={<span id="waba-numbers">WhatsApp Business numbers</span>}
      description="The WABA numbers of your account. A WhatsApp webhook is tied to one of them (its Product Unique ID)."
    >
      {numbers.length === 0 ? (
        <p className="rounded-md bg-slate-50 px-4 py-6 text-center text-sm text-slate-500 ring-1 ring-slate-200">
          No WABA numbers yet. Add one below to create WhatsApp webhooks.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" aria-label="WABA numbers">
          {numbers.map((n) => (
            <li key={n.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-2.5">
              <div className="min-w-0">
                <p className="font-mono text-sm text-slate-900">{n.number}</p>
                <p className="text-xs text-slate-500">
                  {n.label ? `${n.label} · ` : ""}added <Time value={n.createdAt} />
                </p>
              </div>
              <Button
                variant="ghost"
                size="sm"
                className="text-red-700 hover:bg-red-50"
                onClick={() => setPending({ id: n.id, number: n.number })}
              >
                Remove<span className="sr-only"> {n.number}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={submit}
        noValidate
        className="mt-4 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start"
        aria-label="Add a WABA number"
      >
        <InputField
          label="WABA number"
          inputMode="numeric"
          placeholder="919876543210"
          hint="Digits with country code."
          error={errors.number?.message}
          {...register("number")}
        />
        <InputField
          label="Label (optional)"
          placeholder="Support line"
          maxLength={100}
          error={errors.label?.message}
          {...register("label")}
        />
        <Button type="submit" variant="secondary" loading={isSubmitting} className="sm:mt-6">
          Add number
        </Button>
      </form>
      {formError && (
        <Alert tone="error" className="mt-3">
          {formError}
        </Alert>
      )}
      <ConfirmDialog
        open={pending !== null}
        onCancel={() => setPending(null)}
        onConfirm={confirmRemove}
        title={`Remove ${pending?.number ?? "this number"}?`}
        confirmLabel="Remove number"
        description="WhatsApp webhooks can no longer be tied to it. A number still used by a webhook cannot be removed: change or delete that webhook first."
      />
    </Card>
  );
}

export function WabaNumbersCardSkeleton() {
  return (
    <div
      className="space-y-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200"
      aria-busy="true"
      aria-label="Loading WABA numbers"
    >
      <Skeleton className="h-5 w-56" />
      <Skeleton className="h-12 w-full" />
      <Skeleton className="h-10 w-full" />
    </div>
  );
}
