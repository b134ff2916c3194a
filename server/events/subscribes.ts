const withoutPlus = (n: unknown) => String(n ?? "").replace(/^\+/, "");

/**
 * Whether an endpoint receives an event: it subscribes to the event's type and, for `whatsapp.*`
 * events, the event's `waba_number` is the endpoint's WABA number (when it has one). Ingestion
 * and the Send sample event preview use this; `find-missed-events.ts` states it again in SQL.
 * Disabled endpoints receive nothing: callers filter them out.
 */
export function subscribes(
  endpoint: { eventTypes: string[]; wabaNumber: string | null },
  event: { type: string; data: Record<string, unknown> | null },
): boolean {
  if (!endpoint.eventTypes.includes(event.type)) return false;
  if (!event.type.startsWith("whatsapp.") || !endpoint.wabaNumber) return true;
  return event.data !== null && withoutPlus(event.data.waba_number) === withoutPlus(endpoint.wabaNumber);
}
