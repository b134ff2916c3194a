import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import type { ThrottleSignal } from "./throttle-signals";

/**
 * Adaptive throttling (AIMD): takes in what runners saw of each endpoint's health since they last
 * reported (about a second) and moves the one rate every runner and process sends at
 * (endpoint_throttles, read by the claim — see EFFECTIVE_RATE):
 * - Slowed down on 429/503 or when successful responses take far longer than the endpoint's own
 *   usual time (≥ 5 × and ≥ +500 ms over its slow-moving median): to half of what it was sending
 *   at, or to 90 % of what it accepted in the last second if that is more (never more than 90 %
 *   of before; at least 1/s). At most once a second after a decrease: refusals of requests sent
 *   before it took effect do not count twice; right after a raise, at once. Retry-After holds
 *   every send until then.
 * - Raised again while healthy and used (≥ 70 % of it sent in the last second), once a second:
 *   by 5 % of what the endpoint accepted when it was last slowed while near that (its capacity,
 *   probed gently), else by a tenth of the ceiling (the configured limit, else what it was sending
 *   at when first slowed). Reaching the ceiling — or a healthy minute without a change — ends the
 *   throttling.
 *
 * What went out and was accepted in the last second is counted from the attempts recorded (every
 * process's), or from the report's own tally if that is more — not both: a report comes after most
 * of its attempts are recorded, and adding the two counted them twice, so each cut was only to
 * 90 % of the rate before (35 → 32 → 28 → 26 → 23 …/s, a refusing receiver refused for seconds)
 * instead of to 90 % of what the receiver took.
 *
 * Rows are updated with expressions over their latest version (an UPDATE re-reads a row another
 * runner changed meanwhile), so concurrent reports compose instead of overwriting each other. An
 * endpoint's first report creates its row and is taken in by a second statement. Endpoints
 * without adaptive throttling are left alone.
 */
export async function recordThrottleSignals(db: Db, signals: ThrottleSignal[]): Promise<void> {
  if (!signals.length) return;
  const updated = new Set((await applySignals(db, signals)).map((r) => r.endpoint_id));
  const created = signals.filter((s) => !updated.has(s.endpoint_id));
  if (created.length) await applySignals(db, created);
}

function applySignals(db: Db, signals: ThrottleSignal[]) {
  return queryRows<{ endpoint_id: string }>(
    db,
    sql`with th_sig as (
    select s.*, ep.rate_limit_per_second::double precision as lim,
      case when s.refused > 0 or s.ok_median_ms >= coalesce(t.p50_ms * 5, 0) or t.rate is not null then greatest((
        select count(*) from delivery_attempts a
        where a.endpoint_id = s.endpoint_id and a.created_at > s.at - interval '1 second'), s.sent)
      end as sent_1s,
      case when s.refused > 0 or s.ok_median_ms >= coalesce(t.p50_ms * 5, 0) then greatest((
        select count(*) from delivery_attempts a
        where a.endpoint_id = s.endpoint_id and a.created_at > s.at - interval '1 second'
          and a.response_status between 200 and 299 and a.error_class is null), s.ok)
      end as ok_1s
    from jsonb_to_recordset(${JSON.stringify(signals)}::jsonb) as s(endpoint_id text, at timestamptz, sent int, ok int,
      refused int, refusal_status int, retry_after_ms double precision, ok_median_ms double precision)
    join endpoints ep on ep.id = s.endpoint_id and ep.adaptive_throttle
    left join endpoint_throttles t on t.endpoint_id = s.endpoint_id
  ), th_new as (
    insert into endpoint_throttles (endpoint_id, updated_at) select endpoint_id, at from th_sig
    on conflict (endpoint_id) do nothing
  ), th_upd as (
    update endpoint_throttles t set
      rate = case when ${SLOWING} then ${DOWN} when ${RECOVERED} then null
        when ${RAISING} then t.rate + ${STEP} else t.rate end,
      ceiling = case when ${SLOWING} then ${CEILING} when ${RECOVERED} then null else t.ceiling end,
      capacity = case when ${SLOWING} then coalesce(s.ok_1s, s.ok) when ${RECOVERED} then null else t.capacity end,
      reason = case when ${SLOWING} then ${REASON} else t.reason end,
      slowed_at = case when ${SLOWING} then s.at else t.slowed_at end,
      recovered_at = case when ${RECOVERED} then s.at else t.recovered_at end,
      changed_at = case when ${SLOWING} or ${RAISING} or ${RECOVERED} then s.at else t.changed_at end,
      last_refusal_at = case when s.refused > 0 then s.at else t.last_refusal_at end,
      last_refusal_status = case when s.refused > 0 then s.refusal_status else t.last_refusal_status end,
      hold_until = case when s.retry_after_ms is not null
        then greatest(t.hold_until, s.at + make_interval(secs => least(s.retry_after_ms, 3600000) / 1000)) else t.hold_until end,
      p50_ms = case when s.ok_median_ms is null then t.p50_ms when t.p50_ms is null then s.ok_median_ms
        else t.p50_ms + (case when ${SLOW} then 0.02 else 0.1 end) * (s.ok_median_ms - t.p50_ms) end,
      samples = t.samples + (s.ok_median_ms is not null)::int,
      updated_at = s.at
    from th_sig s where t.endpoint_id = s.endpoint_id
    returning t.endpoint_id
  )
  select endpoint_id from th_upd`,
  );
}

const p = (text: string) => `(${text.replace(/\s+/g, " ")})`;

const MAY_CHANGE = p(`t.changed_at is null or s.at >= t.changed_at + interval '1 second'`);
// A decrease may follow a raise at once: the second's wait is for refusals of requests sent before
// a decrease took effect. With two processes, one's raise had held off the other's refusals for up
// to a second, and the refusals went on (9, 6, 3 a second where one process had none).
const MAY_SLOW = p(`${MAY_CHANGE} or t.slowed_at is distinct from t.changed_at`);
const SLOW_TEXT = p(`coalesce(s.ok >= 3 and t.samples >= 5
  and s.ok_median_ms >= greatest(t.p50_ms * 5, t.p50_ms + 500), false)`);
// What it was sending at: its throttled rate, else what went out in the last second (within the limit).
const BASE = p(`coalesce(t.rate, least(s.lim, greatest(1, coalesce(s.sent_1s, s.sent))))`);
const BIG_STEP = p(`greatest(1, coalesce(s.lim, t.ceiling, t.rate) * 0.1)`);
const STEP_TEXT = p(`case when t.capacity > 0 and t.rate + ${BIG_STEP} >= t.capacity * 0.9 and t.rate < t.capacity * 1.1
  then greatest(1, t.capacity * 0.05) else ${BIG_STEP} end`);
const HEALTHY = p(
  `t.rate is not null and s.refused = 0 and not ${SLOW_TEXT} and (t.hold_until is null or t.hold_until <= s.at)`,
);
// Raised only while the rate is used (in-process pacing keeps sends ~10 % under it), so a quiet
// endpoint is not handed a rate it never showed it can take.
const RAISING_TEXT = p(`${HEALTHY} and s.ok > 0 and ${MAY_CHANGE} and coalesce(s.sent_1s, s.sent) >= t.rate * 0.7`);
// Quiet and healthy for a minute: the throttling ends.
const IDLE_TEXT = p(`${HEALTHY} and s.at >= t.changed_at + interval '60 seconds'`);

const SLOW = sql.raw(SLOW_TEXT);
const SLOWING = sql.raw(p(`(s.refused > 0 or ${SLOW_TEXT}) and ${MAY_SLOW}`));
const DOWN = sql.raw(p(`greatest(1, least(${BASE} * 0.9, greatest(coalesce(s.ok_1s, s.ok) * 0.9, ${BASE} * 0.5)))`));
const CEILING = sql.raw(
  p(`case when t.rate is null then coalesce(s.lim, ${BASE}) else coalesce(s.lim, t.ceiling, ${BASE}) end`),
);
const STEP = sql.raw(STEP_TEXT);
const RAISING = sql.raw(RAISING_TEXT);
const RECOVERED = sql.raw(
  p(`(${RAISING_TEXT} and t.rate + ${STEP_TEXT} >= coalesce(s.lim, t.ceiling, 'infinity')) or ${IDLE_TEXT}`),
);
const REASON = sql.raw(
  p(`case when s.refused > 0 then s.refusal_status::text
    || case s.refusal_status when 429 then ' Too Many Requests' else ' Service Unavailable' end
    || case when s.retry_after_ms is not null then ' (Retry-After ' || round(s.retry_after_ms / 1000.0) || ' s)' else '' end
  else 'responses taking ' || round(s.ok_median_ms) || ' ms (usually ' || round(t.p50_ms) || ' ms)' end`),
);
