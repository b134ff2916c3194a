"use client";

import { Time } from "@/components/ui/time";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerIssues } from "@/components/auth/apply-server-issues";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { InputField } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { createApiKeySchema, type CreateApiKeyInput } from "@/server/api-keys/schemas";

export function CreateApiKeyCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.apiKeys.create.mutationOptions());
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CreateApiKeyInput>({ resolver: zodResolver(createApiKeySchema), defaultValues: { name: "" } });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const result = await create.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.pathKey() });
      setCreated({ name: result.name, key: result.key });
      form.reset();
    } catch (err) {
      setFormError(applyServerIssues(err, form.setError, ["name"]));
    }
  });

  return (
    <Card
      title="Create an API key"
      description="Use it as a Bearer token for the REST API (/api/v1). Give each integration its own key so you can revoke one without breaking the others."
    >
      <form onSubmit={submit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <div className="flex-1">
          <InputField
            label="Key name"
            placeholder="e.g. Production server"
            maxLength={100}
            error={errors.name?.message}
            {...register("name")}
          />
        </div>
        <Button type="submit" loading={isSubmitting} className="sm:mt-6">
          Create key
        </Button>
      </form>
      {formError && (
        <Alert tone="error" className="mt-3">
          {formError}
        </Alert>
      )}
      <Dialog
        open={created !== null}
        onClose={() => setCreated(null)}
        dismissible={false}
        title="Your new API key"
        description={
          <>
            Key <strong>{created?.name}</strong> is ready.
          </>
        }
        footer={
          <Button onClick={() => setCreated(null)} data-autofocus>
            I&apos;ve copied it
          </Button>
        }
      >
        <Alert tone="warning" title="Copy it now">
          This is the only time the full key is shown. Hookline keeps only a hash; if you lose it, revoke it and create
          another.
        </Alert>
        <div className="mt-3 flex items-center gap-2">
          <code
            data-testid="new-api-key"
            className="min-w-0 flex-1 break-all rounded-md bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100"
          >
            {created?.key}
          </code>
          <CopyButton value={created?.key ?? ""} label="Copy key" />
        </div>
      </Dialog>
    </Card>
  );
}

export function ApiKeysTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: keys } = useSuspenseQuery(trpc.apiKeys.list.queryOptions());
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions());
  const [pending, setPending] = useState<{ id: string; name: string } | null>(null);

  const confirmRevoke = async () => {
    if (!pending) return;
    await revoke.mutateAsync({ id: pending.id });
    await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.pathKey() });
    toast.success("API key revoked", `Requests with “${pending.name}” now get 401.`);
    setPending(null);
  };

  if (keys.length === 0) {
    return (
      <EmptyState
        title="No API keys yet"
        description="Create a key to manage endpoints and send events over the REST API."
      />
    );
  }

  return (
    <>
      <Table caption="API keys">
        <THead>
          <Th>Name</Th>
          <Th>Key</Th>
          <Th>Created</Th>
          <Th>Last used</Th>
          <Th>Status</Th>
          <Th className="text-right">Actions</Th>
        </THead>
        <TBody>
          {keys.map((k) => {
            const revoked = Boolean(k.revokedAt);
            return (
              <tr key={k.id} className={revoked ? "text-slate-400" : "hover:bg-slate-50"}>
                <Td className="font-medium text-slate-900">{k.name}</Td>
                <Td label="Key" className="whitespace-nowrap font-mono text-xs">
                  {k.prefix}…
                </Td>
                <Td label="Created" className="whitespace-nowrap">
                  <Time value={k.createdAt} />
                </Td>
                <Td label="Last used" className="whitespace-nowrap">
                  {k.lastUsedAt ? <Time value={k.lastUsedAt} /> : <span className="text-slate-400">Never</span>}
                </Td>
                <Td label="Status">
                  {revoked ? (
                    <Badge tone="slate">Revoked</Badge>
                  ) : (
                    <Badge tone="green" dot>
                      Active
                    </Badge>
                  )}
                </Td>
                <Td className="text-right">
                  {!revoked && (
                    <Button
                      variant="ghost"
                      size="sm"
                      className="text-red-700 hover:bg-red-50"
                      onClick={() => setPending({ id: k.id, name: k.name })}
                    >
                      Revoke<span className="sr-only"> key {k.name}</span>
                    </Button>
                  )}
                </Td>
              </tr>
            );
          })}
        </TBody>
      </Table>
      <ConfirmDialog
        open={pending !== null}
        onCancel={() => setPending(null)}
        onConfirm={confirmRevoke}
        title={`Revoke “${pending?.name ?? ""}”?`}
        confirmLabel="Revoke key"
        description="Every request using this key will be refused from now on. This cannot be undone."
      />
    </>
  );
}

export function ApiKeysTableSkeleton() {
  return (
    <div
      className="space-y-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      aria-busy="true"
      aria-label="Loading API keys"
    >
      <Skeleton className="h-5 w-full" />
      <Skeleton className="h-9 w-full" />
      <Skeleton className="h-9 w-full" />
    </div>
  );
}
