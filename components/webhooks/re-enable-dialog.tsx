"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/react";
import { ConfirmDialog } from "@/components/ui/dialog";
import type { EndpointView } from "@/server/endpoints/to-endpoint-view";
import { formatDateTime } from "./labels";

type Props = {
  ep: EndpointView;
  open: boolean;
  onCancel: () => void;
  onReEnabled: (offerReplaySince: Date | null) => void | Promise<void>;
};

/**
 * Re-enable a disabled endpoint: shows why it was disabled, clears its failure count and, if
 * asked, goes on to replay what failed since its last successful delivery.
 */
export function ReEnableDialog({ ep, open, onCancel, onReEnabled }: Props) {
  const trpc = useTRPC();
  const setStatus = useMutation(trpc.endpoints.setStatus.mutationOptions());
  const health = useQuery({ ...trpc.health.endpoint.queryOptions({ endpointId: ep.id, range: "7d" }), enabled: open });
  const [replay, setReplay] = useState(true);
  const since =
    health.data?.lastSuccessAt ?? (ep.disabledAt ? new Date(new Date(ep.disabledAt).getTime() - 24 * 3600_000) : null);

  return (
    <ConfirmDialog
      open={open}
      tone="primary"
      onCancel={onCancel}
      confirmLabel="Re-enable webhook"
      title="Re-enable this webhook?"
      onConfirm={async () => {
        await setStatus.mutateAsync({ id: ep.id, status: "active" });
        await onReEnabled(replay ? since : null);
      }}
      description={
        <>
          <span className="block">
            <span className="font-medium text-slate-800">Why it was disabled:</span>{" "}
            {ep.disabledReason ?? "Hookline stopped delivering to it."}
            {ep.disabledAt && <> ({formatDateTime(ep.disabledAt)})</>}
          </span>
          <span className="mt-2 block">Its failure count is reset and new events are delivered to it again.</span>
        </>
      }
    >
      <label className="mt-3 flex items-start gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          className="mt-0.5 size-4 rounded border-slate-300"
          checked={replay}
          onChange={(e) => setReplay(e.target.checked)}
        />
        <span>
          Then replay what it missed since {since ? formatDateTime(since) : "the last 24 hours"}
          {health.data?.lastSuccessAt ? " (its last successful delivery)" : ""}: failed deliveries, and events that
          arrived while it was disabled.
        </span>
      </label>
    </ConfirmDialog>
  );
}
