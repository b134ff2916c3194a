import type { BadgeTone } from "@/components/ui/badge";

/** How each delivery status looks in the log. */
export const DELIVERY_STATUS_STYLES: Record<string, { tone: BadgeTone; label: string; description: string }> = {
  pending: { tone: "neutral", label: "Pending", description: "Waiting to be sent" },
  sending: { tone: "info", label: "Sending", description: "Being sent right now" },
  retrying: { tone: "warning", label: "Retrying", description: "Failed; will be tried again" },
  succeeded: { tone: "success", label: "Succeeded", description: "Your server answered 2xx" },
  failed: { tone: "danger", label: "Failed", description: "Every attempt failed; retry or replay it" },
  superseded: {
    tone: "neutral",
    label: "Superseded",
    description: "Not sent: a later status of the same message was sent instead (not a failure)",
  },
};

/** Still on its way: the log refreshes itself while any visible delivery is in one of these. */
export const LIVE_STATUSES = new Set(["pending", "sending", "retrying"]);

/** Retry makes sense for these (the server refuses the others). */
export const RETRYABLE_STATUSES = new Set(["pending", "retrying", "failed", "superseded"]);
