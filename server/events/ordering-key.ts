/** Event types whose deliveries are ordered by `message_id` unless the event names its own key. */
const KEYED_BY_MESSAGE: readonly string[] = ["sms.dlr", "whatsapp.dlr"];

/**
 * The key that orders an event's deliveries on endpoints with ordered delivery: the `orderingKey`
 * given at ingestion, else a delivery report's `message_id`; none for other events.
 */
export function orderingKeyOf(event: { type: string; data: Record<string, unknown>; orderingKey?: string }) {
  if (event.orderingKey) return event.orderingKey;
  if (!KEYED_BY_MESSAGE.includes(event.type)) return null;
  const id = event.data.message_id;
  return typeof id === "string" && id !== "" ? id : null;
}
