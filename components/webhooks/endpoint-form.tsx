"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import type { EndpointData } from "./contract";
import { endpointToFormValues, newEndpointDefaults } from "./endpoint-defaults";
import { EndpointFormView } from "./endpoint-form-view";
import { SecretOnceDialog } from "./secret-dialog";

/** Add webhook: create, show the signing secret, then open the new webhook's page. */
export function CreateEndpointForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: wabaNumbers } = useSuspenseQuery(trpc.wabaNumbers.list.queryOptions());
  const create = useMutation(trpc.endpoints.create.mutationOptions());
  const testDraft = useMutation(trpc.endpoints.testDraft.mutationOptions());
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);
  const [defaults] = useState(newEndpointDefaults);

  const onSubmit = async (values: EndpointData) => {
    const result = await create.mutateAsync(values);
    await queryClient.invalidateQueries({ queryKey: trpc.endpoints.pathKey() });
    setCreated({ id: result.endpoint.id, secret: result.signingSecret });
  };

  return (
    <>
      <EndpointFormView
        mode="create"
        defaultValues={defaults}
        wabaNumbers={wabaNumbers}
        onSubmit={onSubmit}
        onTest={(values) => testDraft.mutateAsync(values)}
      />
      <SecretOnceDialog
        open={created !== null}
        title="Webhook saved"
        description="Use this signing secret to verify that requests come from Hookline (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature)."
        secret={created?.secret ?? ""}
        revealable
        doneLabel="Done"
        onDone={() => {
          toast.success("Webhook saved");
          if (created) router.push(`/webhooks/${created.id}`);
        }}
      />
    </>
  );
}

/** Edit webhook: header values stay masked unless retyped (the server keeps the stored ones). */
export function EditEndpointForm({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: wabaNumbers } = useSuspenseQuery(trpc.wabaNumbers.list.queryOptions());
  const { data: endpoint } = useSuspenseQuery(trpc.endpoints.get.queryOptions({ id }));
  const update = useMutation(trpc.endpoints.update.mutationOptions());
  const testSaved = useMutation(trpc.endpoints.test.mutationOptions());
  const testDraft = useMutation(trpc.endpoints.testDraft.mutationOptions());
  const [defaults] = useState(() => endpointToFormValues(endpoint));
  const pristine = JSON.stringify(defaults);

  const onSubmit = async (values: EndpointData) => {
    // Pause/resume lives on the details page; saving the form must not change it.
    const { status: _status, ...data } = values;
    void _status;
    await update.mutateAsync({ id, data });
    await queryClient.invalidateQueries({ queryKey: trpc.endpoints.pathKey() });
    toast.success("Changes saved");
    router.push(`/webhooks/${id}`);
  };

  const onTest = (values: EndpointData) =>
    // Unchanged: test the saved endpoint (recorded in its log). Changed: test the draft.
    JSON.stringify(endpointToFormValues(values)) === pristine
      ? testSaved.mutateAsync({ id })
      : testDraft.mutateAsync({ ...values, id });

  return (
    <EndpointFormView
      mode="edit"
      defaultValues={defaults}
      wabaNumbers={wabaNumbers}
      onSubmit={onSubmit}
      onTest={onTest}
      cancelHref={`/webhooks/${id}`}
      notice={
        (endpoint.customHeaders?.length ?? 0) > 0 ? (
          <Alert tone="info">
            Custom header values are hidden. Leave a masked value as it is to keep it, or type a new one.
          </Alert>
        ) : null
      }
    />
  );
}

export function EndpointFormSkeleton() {
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]" aria-busy="true" aria-label="Loading form">
      <div className="space-y-6">
        {[0, 1, 2].map((i) => (
          <div key={i} className="space-y-3 rounded-lg bg-white p-5 ring-1 ring-slate-200">
            <Skeleton className="h-5 w-40" />
            <Skeleton className="h-9 w-full" />
            <Skeleton className="h-9 w-full" />
          </div>
        ))}
      </div>
      <Skeleton className="h-72 w-full" />
    </div>
  );
}
