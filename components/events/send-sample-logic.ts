import { subscribes } from "@/server/events/subscribes";

/** Pure helpers of the Send sample event form (parsing, who receives it, server issues). */

export type SampleType = { type: string; label: string; description: string; sample: Record<string, unknown> };
export type SampleEndpoint = {
  id: string;
  url: string;
  status: string;
  eventTypes: string[];
  wabaNumber: string | null;
};

export function parseSample(text: string): { ok: true; data: Record<string, unknown> } | { ok: false; error: string } {
  if (!text.trim()) return { ok: false, error: "Enter the event data as a JSON object." };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `Invalid JSON: ${err instanceof Error ? err.message : "cannot be parsed"}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { ok: false, error: "The payload must be a JSON object ({ … })." };
  return { ok: true, data: value as Record<string, unknown> };
}

/** The endpoints ingestion will deliver this event to: not disabled, and subscribed to it. */
export function receiversFor(endpoints: SampleEndpoint[], type: string, data: Record<string, unknown> | null) {
  return endpoints.filter((ep) => ep.status !== "disabled" && subscribes(ep, { type, data }));
}

/**
 * Why no endpoint receives it, in words: for a WhatsApp event, subscribed endpoints may exist for
 * other WABA numbers — say so and name them, rather than "no endpoint is subscribed".
 */
export function noReceiverReason(endpoints: SampleEndpoint[], type: string, data: Record<string, unknown> | null) {
  const subscribedNumbers = [
    ...new Set(
      endpoints
        .filter((ep) => ep.status !== "disabled" && ep.eventTypes.includes(type) && ep.wabaNumber)
        .map((ep) => ep.wabaNumber!),
    ),
  ];
  if (type.startsWith("whatsapp.") && subscribedNumbers.length) {
    const number = typeof data?.waba_number === "string" ? data.waba_number : "(none)";
    return {
      kind: "waba" as const,
      text: `No active endpoint subscribed to ${type} uses WABA number ${number}. Your ${type} endpoints use ${subscribedNumbers.join(", ")}: put one of them in waba_number.`,
    };
  }
  return {
    kind: "none" as const,
    text: `No active endpoint is subscribed to ${type}: the event is recorded without deliveries.`,
  };
}

type Issue = { path: (string | number)[]; message: string };

/** tRPC errors carry `data.issues` (paths like `data.mobile` or `type`): sort them to their fields. */
export function serverIssues(err: unknown): { type?: string; data?: string[]; form?: string } {
  const issues = ((err as { data?: { issues?: Issue[] | null } })?.data?.issues ?? []) as Issue[];
  const message = err instanceof Error && err.message ? err.message : "The event could not be sent. Please try again.";
  if (!issues.length) return { form: message };
  const data: string[] = [];
  const typeIssues: string[] = [];
  const other: string[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String);
    if (path[0] === "events" && typeof issue.path[1] === "number") path.splice(0, 2);
    if (path[0] === "type") typeIssues.push(issue.message);
    else if (path[0] === "data")
      data.push(path.length > 1 ? `${path.slice(1).join(".")}: ${issue.message}` : issue.message);
    else other.push(`${path.join(".")}: ${issue.message}`);
  }
  return {
    type: typeIssues.join(" ") || undefined,
    data: data.length ? data : undefined,
    form: other.length ? other.join("\n") : undefined,
  };
}
