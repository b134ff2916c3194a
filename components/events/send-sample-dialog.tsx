"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { EVENT_TYPE_LABELS } from "@/components/webhooks/labels";
import { SendSampleForm } from "./send-sample-form";

/** "Send sample event": opens the dialog; on success goes to the new event to watch it arrive. */
export function SendSampleButton({ variant = "primary" }: { variant?: "primary" | "secondary" }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)}>
        Send sample event
      </Button>
      <SendSampleDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function SendSampleDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const options = useQuery({ ...trpc.events.sampleOptions.queryOptions(), enabled: open, staleTime: 0 });
  const send = useMutation(trpc.events.sendSample.mutationOptions());

  const submit = async (input: { type: string; data: Record<string, unknown> }) => {
    const { id } = await send.mutateAsync(input);
    await queryClient.invalidateQueries({ queryKey: trpc.events.list.pathKey() });
    toast.success(`${EVENT_TYPE_LABELS[input.type] ?? input.type} sent`, `Event ${id} — watch its deliveries arrive.`);
    onClose();
    router.push(`/events/${id}`);
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      dismissible={!send.isPending}
      size="lg"
      title="Send sample event"
      description="Sends a real event through ingestion to every subscribed endpoint — signed, retried and logged like any other."
    >
      {options.isPending ? (
        <div className="space-y-3" aria-busy="true" aria-label="Loading samples">
          <Skeleton className="h-9 w-full" />
          <Skeleton className="h-56 w-full" />
        </div>
      ) : options.isError ? (
        <Alert tone="error" title="Samples could not be loaded">
          {options.error.message}
        </Alert>
      ) : (
        <SendSampleForm
          types={options.data.types}
          endpoints={options.data.endpoints}
          onSubmit={submit}
          onCancel={onClose}
        />
      )}
    </Dialog>
  );
}
