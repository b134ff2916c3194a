import { isBackwardRange, isUtcMinute, utcMinuteEnd, utcMinuteStart } from "@/components/ui/utc-minute";
import { EVENT_TYPES } from "@/server/events/catalog";
import { EVENT_STATUSES } from "@/server/events/list-events-schema";

/**
 * The Events filters as kept in the URL: `?q=81934341034091431&type=sms.dlr&status=failed&from=2025-12-31T10:00&to=…`
 * (`q`: the search — an id, transaction_id, message_id or mobile number).
 * `from`/`to` are minute values read as UTC (`UtcTimeInput`) (all times on the page are UTC). Unknown or
 * malformed values are dropped, so a hand-edited URL never breaks the page.
 */
export type EventFilters = { q: string; type: string; status: string; from: string; to: string };

export const EMPTY_FILTERS: EventFilters = { q: "", type: "", status: "", from: "", to: "" };
const PAGE_SIZE = 25;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, name: string): string {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

export function parseEventFilters(params: Params): EventFilters {
  const type = read(params, "type");
  const status = read(params, "status");
  const from = read(params, "from");
  const to = read(params, "to");
  return {
    q: read(params, "q").slice(0, 256),
    type: (EVENT_TYPES as readonly string[]).includes(type) ? type : "",
    status: (EVENT_STATUSES as readonly string[]).includes(status) ? status : "",
    from: isUtcMinute(from) ? from : "",
    to: isUtcMinute(to) ? to : "",
  };
}

export function filtersToSearch(filters: EventFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `?${search}` : "";
}

export const hasFilters = (f: EventFilters) => Boolean(f.q || f.type || f.status || f.from || f.to);

/** A problem with the range that the server would refuse; shown next to the inputs instead. */
export function rangeError(f: EventFilters): string | null {
  return isBackwardRange(f.from, f.to) ? "“To” must be after “From”." : null;
}

/**
 * The `events.list` input for these filters (the same on the server prefetch and in the
 * browser, so the prefetched page is reused). `to` covers its whole minute.
 */
export function toListInput(f: EventFilters) {
  const valid = !rangeError(f);
  return {
    search: f.q || undefined,
    type: (f.type || undefined) as (typeof EVENT_TYPES)[number] | undefined,
    status: (f.status || undefined) as (typeof EVENT_STATUSES)[number] | undefined,
    from: (valid && utcMinuteStart(f.from)?.toISOString()) || undefined,
    to: (valid && utcMinuteEnd(f.to)?.toISOString()) || undefined,
    limit: PAGE_SIZE,
  };
}
