"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { UtcTimeInput } from "@/components/ui/utc-time-input";
import { toast } from "@/components/ui/toast";
import { toMinuteValue, utcMinuteStart } from "@/components/ui/utc-minute";
import { formatCount, formatDateTime } from "@/components/webhooks/labels";
import { RecentReplays } from "./recent-replays";
import { ReplayProgress } from "./replay-progress";

type ReplayDialogProps = {
  endpointId: string;
  open: boolean;
  onClose: () => void;
  /** Replay failed deliveries created since then; default 24 hours ago. */
  defaultSince?: Date | string | null;
  /** Called once the replay has started (or the running one was found). */
  onStarted?: (replayId: string) => void;
};

const initialSince = (value: ReplayDialogProps["defaultSince"]) => {
  const date = value ? new Date(value) : new Date(Date.now() - 24 * 3600_000);
  return toMinuteValue(Number.isNaN(date.getTime()) ? new Date(Date.now() - 24 * 3600_000) : date);
};

/**
 * "Replay failed deliveries since …": shows how many would go (a replay takes at most 1,000),
 * starts a background replay, then follows its progress until it has finished. If a replay of
 * the endpoint is already running, it shows that one instead of starting another.
 */
export function ReplayDialog({ endpointId, open, onClose, defaultSince, onStarted }: ReplayDialogProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [since, setSince] = useState(() => initialSince(defaultSince));
  const [replayId, setReplayId] = useState<string | null>(null);
  const [includeMissed, setIncludeMissed] = useState(true);
  const [wasOpen, setWasOpen] = useState(open);
  if (wasOpen !== open) {
    setWasOpen(open);
    if (open) {
      setSince(initialSince(defaultSince));
      setReplayId(null);
    }
  }
  const validSince = utcMinuteStart(since);

  const preview = useQuery({
    ...trpc.deliveries.replayPreview.queryOptions({ endpointId, since: validSince ?? undefined, includeMissed }),
    enabled: open && !replayId && validSince !== null,
  });
  const shownId = replayId ?? preview.data?.running?.id ?? null;
  const progress = useQuery({
    ...trpc.deliveries.replayProgress.queryOptions({ id: shownId ?? "" }),
    enabled: open && shownId !== null,
    refetchInterval: (q) => (q.state.data?.status === "finished" ? false : 1000),
  });
  const start = useMutation({
    ...trpc.deliveries.replay.mutationOptions(),
    onSuccess: ({ replay, started }) => {
      setReplayId(replay.id);
      queryClient.setQueryData(trpc.deliveries.replayProgress.queryKey({ id: replay.id }), replay);
      void queryClient.invalidateQueries({ queryKey: trpc.deliveries.list.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.deliveries.replays.pathKey() });
      if (started)
        toast.success(
          "Replay started",
          `${formatCount(replay.total)} ${replay.total === 1 ? "delivery is" : "deliveries are"} being sent.`,
        );
      else toast.info("A replay is already running", "Showing its progress.");
      onStarted?.(replay.id);
    },
  });
  const finished = progress.data?.status === "finished";
  const p = preview.data;

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Replay failed deliveries"
      description="Failed deliveries are sent again in the background, oldest first, each as a manual attempt with the same webhook-id."
      footer={
        shownId ? (
          <Button variant={finished ? "primary" : "secondary"} onClick={onClose}>
            {finished ? "Done" : "Close (it keeps running)"}
          </Button>
        ) : (
          <>
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button
              loading={start.isPending}
              disabled={!p || p.willReplay === 0 || p.endpointStatus !== "active"}
              onClick={() =>
                validSince &&
                start.mutate({ endpointId, since: validSince, includeMissed: includeMissed && (p?.missed ?? 0) > 0 })
              }
            >
              {p && p.willReplay > 0
                ? `Replay ${formatCount(p.willReplay)} ${p.willReplay === 1 ? "delivery" : "deliveries"}`
                : "Replay"}
            </Button>
          </>
        )
      }
    >
      {shownId ? (
        progress.data ? (
          <ReplayProgress progress={progress.data} />
        ) : progress.isError ? (
          <Alert tone="error" title="Progress could not be loaded">
            {progress.error.message}
          </Alert>
        ) : (
          <Skeleton className="h-16 w-full" />
        )
      ) : (
        <div className="space-y-3">
          <UtcTimeInput
            label="Replay failed deliveries since"
            value={since}
            error={validSince ? undefined : "Enter a date and time."}
            onChange={setSince}
            autoFocus
          />
          <div aria-live="polite" className="text-sm text-slate-700">
            {!validSince ? null : preview.isPending ? (
              <Skeleton className="h-5 w-64" />
            ) : preview.isError ? (
              <Alert tone="error">{preview.error.message}</Alert>
            ) : p && p.endpointStatus !== "active" ? (
              <Alert tone="warning">
                The endpoint is {p.endpointStatus}: {p.endpointStatus === "paused" ? "resume" : "enable"} it first, then
                replay.
              </Alert>
            ) : p && p.count === 0 && p.missed === 0 ? (
              <p>No failed deliveries since {formatDateTime(p.since)}: nothing to replay.</p>
            ) : p ? (
              <p data-testid="replay-count">
                <strong>{formatCount(p.willReplay)}</strong> {p.willReplay === 1 ? "delivery" : "deliveries"} since{" "}
                {formatDateTime(p.since)} will be sent: {formatCount(p.count)} failed
                {includeMissed && p.missed > 0 ? ` and ${formatCount(p.missed)} missed` : ""}.
                {p.count + (includeMissed ? p.missed : 0) > p.willReplay &&
                  ` ${formatCount(p.count + (includeMissed ? p.missed : 0) - p.willReplay)} more will be left for another replay (at most ${formatCount(p.limit)} per replay).`}
              </p>
            ) : null}
          </div>
          {p && p.missed > 0 && p.endpointStatus === "active" && (
            <label className="flex items-start gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                className="mt-0.5 size-4 rounded border-slate-300"
                checked={includeMissed}
                onChange={(e) => setIncludeMissed(e.target.checked)}
              />
              <span>
                Also deliver the {formatCount(p.missed)} {p.missed === 1 ? "event" : "events"} it never received (they
                arrived while it was disabled).
              </span>
            </label>
          )}
          {start.isError && (
            <Alert tone="error" title="The replay could not be started">
              {start.error.message}
            </Alert>
          )}
          <RecentReplays endpointId={endpointId} />
        </div>
      )}
    </Dialog>
  );
}
