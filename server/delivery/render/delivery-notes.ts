/** The endpoint's delivery options as far as the request preview explains them. */
export type DeliveryOptions = {
  orderedDelivery?: boolean;
  latestStatusOnly?: boolean;
  adaptiveThrottle?: boolean;
  rateLimitPerSecond?: number | null;
};

const KEYED = ["sms.dlr", "whatsapp.dlr"];

/**
 * Pure (runs in the browser): one line per option on how it changes when and whether this
 * request is sent, for the request preview's notes. Options that change nothing say nothing.
 */
export function deliveryNotes(o: DeliveryOptions, eventType: string): string[] {
  const notes: string[] = [];
  const keyed = KEYED.includes(eventType);
  if (o.orderedDelivery)
    notes.push(
      keyed
        ? "Ordered per message: a later report for the same message_id is sent only after this one is answered (or has failed for good)."
        : "Ordered per message: events sent with the same orderingKey arrive one at a time, in the order accepted.",
    );
  if (o.orderedDelivery && o.latestStatusOnly && keyed)
    notes.push(
      "Latest status only: if newer reports for this message are waiting too (endpoint paused, failing or slowed), only the most advanced is sent; this one is then marked superseded.",
    );
  if (o.adaptiveThrottle !== false)
    notes.push(
      `Adaptive throttling: 429/503 answers (Retry-After honoured) or unusually slow responses lower the send rate${
        o.rateLimitPerSecond ? `, which climbs back to ${o.rateLimitPerSecond}/s` : ""
      } while your server stays healthy.`,
    );
  return notes;
}
