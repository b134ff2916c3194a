import type { BadgeTone } from "@/components/ui/badge";

/** The overall status of an event (derived from its deliveries on the server). */
export const EVENT_STATUS_STYLES: Record<string, { tone: BadgeTone; label: string }> = {
  succeeded: { tone: "success", label: "Succeeded" },
  failed: { tone: "danger", label: "Failed" },
  pending: { tone: "info", label: "In progress" },
  no_endpoints: { tone: "neutral", label: "No endpoints" },
};

/** The status filter's options, in the order shown. */
export const EVENT_STATUS_OPTIONS = [
  { value: "succeeded", label: "Succeeded (all deliveries)" },
  { value: "failed", label: "Failed (any delivery)" },
  { value: "pending", label: "In progress (any delivery)" },
  { value: "no_endpoints", label: "No endpoints" },
] as const;
