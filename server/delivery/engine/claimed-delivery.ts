import type { EndpointRow } from "@/db/schema";

/** A delivery this runner holds a lease on, with what sending it needs but the endpoint's config. */
export type ClaimedDelivery = {
  id: string;
  accountId: string;
  endpointId: string;
  attempts: number;
  /** Manual attempts among `attempts`: they are not steps of the schedule. */
  manualAttempts: number;
  nextTrigger: "scheduled" | "manual";
  /** Set by a manual retry: when the schedule's next attempt was due (a failed manual attempt goes back to it). */
  resumeAt: Date | null;
  internalFailures: number;
  /** How long ago (database clock, ms) its reserved rate slot opened; null without one. */
  slotAgeMs: number | null;
  /** Its message's key when its endpoint delivers in order (it heads that message's queue). */
  orderingKey: string | null;
  event: { id: string; type: string; data: Record<string, unknown>; createdAt: Date };
  /** The endpoint as of the claim: its config is cached by (id, version). */
  endpoint: {
    /** The row version (xmin): any write to the endpoint changes it, whoever made it. */
    version: string;
    status: EndpointRow["status"];
    disabledReason: string | null;
    /** The rate it is sent at: the configured limit, or lower while adaptive throttling holds it back. */
    rateLimitPerSecond: number | null;
    latestStatusOnly: boolean;
    adaptiveThrottle: boolean;
  };
};

/**
 * What an endpoint `ep` is sent at: its configured limit, or the lower rate adaptive throttling
 * set (endpoint_throttles, shared by every runner); null is no limit.
 */
export const EFFECTIVE_RATE = `coalesce((select least(th.rate, coalesce(ep.rate_limit_per_second, th.rate))
    from endpoint_throttles th where th.endpoint_id = ep.id and ep.adaptive_throttle and th.rate is not null),
  ep.rate_limit_per_second)`;

/**
 * The columns a claim returns (raw SQL, so both drivers' shapes are normalised here). `rate` is
 * the endpoint's effective rate: a claim that already has it per endpoint passes its column, so
 * the throttle lookup runs once per endpoint instead of once per row.
 */
export const claimedColumns = (
  rate = EFFECTIVE_RATE,
) => `d.id, d.account_id, d.endpoint_id, d.attempts, d.manual_attempts, d.next_trigger,
  d.resume_at, d.internal_failures,
  (extract(epoch from (clock_timestamp() - d.rate_slot_at)) * 1000)::double precision as slot_age_ms,
  d.ordering_key,
  ev.id as event_id, ev.type as event_type, ev.data as event_data, ev.created_at as event_created_at,
  ep.xmin::text as ep_version, ep.status as ep_status, ep.disabled_reason as ep_disabled_reason,
  ${rate} as ep_rate, ep.latest_status_only as ep_latest_only, ep.adaptive_throttle as ep_adaptive`;

export const CLAIMED_COLUMNS = claimedColumns();

export type ClaimedRow = {
  id: string;
  account_id: string;
  endpoint_id: string;
  attempts: number;
  manual_attempts: number;
  next_trigger: "scheduled" | "manual";
  resume_at: Date | string | null;
  internal_failures: number;
  slot_age_ms: number | string | null;
  ordering_key: string | null;
  event_id: string;
  event_type: string;
  event_data: Record<string, unknown> | string;
  event_created_at: Date | string;
  ep_version: string;
  ep_status: EndpointRow["status"];
  ep_disabled_reason: string | null;
  ep_rate: number | string | null;
  ep_latest_only: boolean;
  ep_adaptive: boolean;
};

export function toClaimedDelivery(r: ClaimedRow): ClaimedDelivery {
  return {
    id: r.id,
    accountId: r.account_id,
    endpointId: r.endpoint_id,
    attempts: Number(r.attempts),
    manualAttempts: Number(r.manual_attempts),
    nextTrigger: r.next_trigger,
    resumeAt: r.resume_at === null ? null : new Date(r.resume_at),
    internalFailures: Number(r.internal_failures),
    slotAgeMs: r.slot_age_ms === null ? null : Number(r.slot_age_ms),
    orderingKey: r.ordering_key,
    event: {
      id: r.event_id,
      type: r.event_type,
      data: typeof r.event_data === "string" ? JSON.parse(r.event_data) : r.event_data,
      createdAt: new Date(r.event_created_at),
    },
    endpoint: {
      version: String(r.ep_version),
      status: r.ep_status,
      disabledReason: r.ep_disabled_reason,
      rateLimitPerSecond: r.ep_rate === null ? null : Number(r.ep_rate),
      latestStatusOnly: Boolean(r.ep_latest_only),
      adaptiveThrottle: Boolean(r.ep_adaptive),
    },
  };
}
