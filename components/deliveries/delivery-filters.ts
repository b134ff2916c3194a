import { isBackwardRange, isUtcMinute, utcMinuteEnd, utcMinuteStart } from "@/components/ui/utc-minute";
import { DELIVERY_STATUSES } from "@/server/delivery/schemas";
import { EVENT_TYPES } from "@/server/events/catalog";

/**
 * The delivery log's filters as kept in the URL: `?status=failed&eventType=sms.dlr&since=2026-11-29T10:00&until=…`.
 * `since`/`until` are minute values read as UTC (`UtcTimeInput`) (all times on the page are UTC).
 * Unknown or malformed values are dropped, so a hand-edited URL never breaks the page. Other
 * parameters (the page's `tab`, `delivery`) are left alone.
 */
export type DeliveryFilters = { q: string; status: string; eventType: string; since: string; until: string };

export const EMPTY_DELIVERY_FILTERS: DeliveryFilters = { q: "", status: "", eventType: "", since: "", until: "" };
const DELIVERY_PAGE_SIZE = 25;
const KEYS = Object.keys(EMPTY_DELIVERY_FILTERS) as (keyof DeliveryFilters)[];

const oneOf = (list: readonly string[], v: string) => (list.includes(v) ? v : "");

export function parseDeliveryFilters(params: URLSearchParams): DeliveryFilters {
  const read = (name: string) => params.get(name)?.trim() ?? "";
  return {
    q: read("q").slice(0, 256),
    status: oneOf(DELIVERY_STATUSES, read("status")),
    eventType: oneOf(EVENT_TYPES, read("eventType")),
    since: isUtcMinute(read("since")) ? read("since") : "",
    until: isUtcMinute(read("until")) ? read("until") : "",
  };
}

/** The search string with these filters, keeping every other parameter of `current`. */
export function withDeliveryFilters(current: URLSearchParams, filters: DeliveryFilters): string {
  const params = new URLSearchParams(current.toString());
  for (const key of KEYS) {
    if (filters[key]) params.set(key, filters[key]);
    else params.delete(key);
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}

export const hasDeliveryFilters = (f: DeliveryFilters) => KEYS.some((k) => Boolean(f[k]));

/** A range the server would refuse; shown next to the inputs instead. */
export function deliveryRangeError(f: DeliveryFilters): string | null {
  return isBackwardRange(f.since, f.until) ? "“Until” must be after “Since”." : null;
}

/** The `deliveries.list` input for the endpoint and these filters. `until` covers its whole minute. */
export function toDeliveryListInput(endpointId: string, f: DeliveryFilters) {
  const valid = !deliveryRangeError(f);
  return {
    endpointId,
    search: f.q || undefined,
    status: (f.status || undefined) as (typeof DELIVERY_STATUSES)[number] | undefined,
    eventType: (f.eventType || undefined) as (typeof EVENT_TYPES)[number] | undefined,
    since: (valid && utcMinuteStart(f.since)) || undefined,
    until: (valid && utcMinuteEnd(f.until)) || undefined,
    limit: DELIVERY_PAGE_SIZE,
  };
}
