import type { AlertEventType } from "@/server/events/catalog";

export type AlertState = "ok" | "failing" | "disabled";

type AlertEndpoint = {
  id: string;
  url: string;
  description: string;
  status: "active" | "paused" | "disabled";
  consecutiveFailures: number;
  disabledReason: string | null;
};

/** Which alert a change of state is: failing, disabled, or recovered (back to ok). Pure. */
export function alertKind(from: AlertState, to: AlertState): AlertEventType | null {
  if (to === from) return null;
  if (to === "disabled") return "endpoint.disabled";
  if (to === "failing") return "endpoint.failing";
  return "endpoint.recovered";
}

const pad = (n: number) => String(n).padStart(2, "0");
/** "2026-11-29 23:05:09" (UTC), the catalog's time format. */
const stamp = (d: Date) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;

/**
 * One alert in the three forms it goes out in: the in-app notification (title, body), the email
 * (the same), and the `endpoint.*` event's data for the operational webhook. Pure.
 */
export function describeAlert(
  kind: AlertEventType,
  ep: AlertEndpoint,
  { disableAfter, lastError, at }: { disableAfter: number; lastError: string | null; at: Date },
) {
  const name = ep.description || ep.url;
  const n = ep.consecutiveFailures;
  const count = `${n} failed ${n === 1 ? "delivery" : "deliveries"} in a row`;
  const reason =
    kind === "endpoint.disabled" ? (ep.disabledReason ?? "Disabled") : kind === "endpoint.failing" ? lastError : null;
  const text =
    kind === "endpoint.failing"
      ? {
          title: `Endpoint failing: ${name}`,
          body: `${count}, each after all its retries${lastError ? ` (last error: ${lastError})` : ""}. Hookline disables it at ${disableAfter}; one success resets the count.`,
        }
      : kind === "endpoint.disabled"
        ? {
            title: `Endpoint disabled: ${name}`,
            body: `${reason}. No deliveries are made to it until you re-enable it; re-enabling offers to replay what it missed.`,
          }
        : { title: `Endpoint recovered: ${name}`, body: "Deliveries to it succeed again." };
  return {
    ...text,
    data: {
      endpoint_id: ep.id,
      endpoint_url: ep.url,
      endpoint_description: ep.description,
      status: ep.status,
      failed_deliveries_in_a_row: n,
      disable_after: disableAfter,
      reason,
      occurred_at: stamp(at),
    },
  };
}
