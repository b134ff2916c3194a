import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import {
  claimedColumns,
  EFFECTIVE_RATE,
  toClaimedDelivery,
  type ClaimedDelivery,
  type ClaimedRow,
} from "./claimed-delivery";
import { PARKED_OFFSET } from "./park";

export type ClaimOptions = {
  /** This runner's lease owner id. */
  owner: string;
  leaseMs: number;
  /** Most deliveries to claim. */
  limit: number;
  /** Most due rows looked at (in due order); bounds the cost of a claim. */
  scanLimit: number;
  /** Endpoints and accounts with no free place here: their rows are skipped in the scan. */
  full: string[];
  fullAccounts: string[];
  /** Free in-flight places per endpoint for endpoints this runner already sends to. */
  free: Map<string, number>;
  /** Free places for any other endpoint. */
  perEndpoint: number;
  /** Free places per account for accounts this runner already holds work of. */
  accountFree: Map<string, number>;
  /** Free places for any other account. */
  perAccount: number;
  /**
   * A rate-limited endpoint gets at most rate × this many seconds of deliveries per claim, less the
   * slots already booked ahead (see reserve-rate-slot.ts).
   */
  rateHorizonSeconds: number;
};

/**
 * Claims a fair batch of due deliveries in one statement and returns them with their events.
 *
 * It looks at the oldest due, unleased rows that wait for no earlier delivery of their message
 * (at most `scanLimit`; rows of endpoints with no free
 * place here are skipped without counting toward the batch), caps each endpoint at its free places
 * (and a rate-limited one at what it may send in the next `rateHorizonSeconds` beyond the slots
 * already booked), then picks round
 * robin across accounts (every account's first, then every account's second…, each account capped
 * at its free places) and, within an account, across its endpoints — so one customer's backlog
 * cannot starve another's new endpoint.
 * Claiming only sets the unindexed lease columns; the status is written once, by the attempt.
 * Rows of a paused endpoint found on the way are parked (see park.ts) instead of claimed.
 */
export async function claimDueBatch(db: Db, o: ClaimOptions): Promise<ClaimedDelivery[]> {
  // The inner limit bounds the rows looked at; the outer one stops the scan as soon as enough
  // rows of endpoints with free places are found (the index gives due order, so no sort). now(),
  // not clock_timestamp(): a volatile bound could not be an index condition.
  const source = sql`select * from (
      select d.id, d.account_id, d.endpoint_id, d.next_attempt_at from deliveries d
      where d.status in ('pending', 'retrying') and d.blocked_by is null and d.next_attempt_at <= now()
        and (d.lease_expires_at is null or d.lease_expires_at < clock_timestamp())
      order by d.next_attempt_at limit ${o.scanLimit}
    ) s where s.endpoint_id not in (select jsonb_array_elements_text(${JSON.stringify(o.full)}::jsonb))
      and s.account_id not in (select jsonb_array_elements_text(${JSON.stringify(o.fullAccounts)}::jsonb))
    order by s.next_attempt_at limit ${o.limit * 4}`;
  return claim(db, source, o);
}

/**
 * The same claim for given deliveries (the ones ingestion just wrote, or a manual retry): no scan,
 * so new work starts after one round trip. Ids that are not due or are held elsewhere are skipped.
 */
export async function claimByIds(db: Db, ids: string[], o: Omit<ClaimOptions, "scanLimit" | "full" | "fullAccounts">) {
  if (!ids.length) return [];
  // Fetched by primary key alone, then filtered: with statistics from before a backlog arrived the
  // planner would otherwise walk the whole (supposedly tiny) due index looking for these ids.
  const source = sql`with hinted as materialized (
      select d.id, d.account_id, d.endpoint_id, d.next_attempt_at, d.status, d.blocked_by, d.lease_expires_at
      from deliveries d where d.id = any(array(select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)))
    )
    select h.id, h.account_id, h.endpoint_id, h.next_attempt_at from hinted h
    where h.status in ('pending', 'retrying') and h.blocked_by is null and h.next_attempt_at <= now()
      and (h.lease_expires_at is null or h.lease_expires_at < clock_timestamp())`;
  // Prepared: every lookup here is by primary key. A generic plan cached while the table was small
  // may still scan it: fresh statistics replace it (runners/claim-statistics.ts, or autovacuum).
  return claim(db, source, o, true);
}

async function claim(
  db: Db,
  source: SQL,
  o: Omit<ClaimOptions, "scanLimit" | "full" | "fullAccounts">,
  prepare = false,
): Promise<ClaimedDelivery[]> {
  const free = JSON.stringify(Object.fromEntries(o.free));
  const accountFree = JSON.stringify(Object.fromEntries(o.accountFree));
  const rows = await queryRows<ClaimedRow & { parked: boolean }>(
    db,
    sql`with scan as (${source}),
      eps as (
        select ep.id, ep.status, ${sql.raw(EFFECTIVE_RATE)} as rate,
          greatest(0, extract(epoch from (ep.rate_tat - clock_timestamp())))::double precision as booked_secs
        from endpoints ep
        where ep.id = any(array(select distinct endpoint_id from scan))
      ),
      ranked as (
        select s.id, s.account_id, s.endpoint_id, s.next_attempt_at, e.status as ep_status, e.rate, e.booked_secs,
          row_number() over (partition by s.endpoint_id order by s.next_attempt_at) as ep_rank
        from scan s join eps e on e.id = s.endpoint_id
      ),
      capped as (
        select r.*, row_number() over (partition by r.account_id order by r.ep_rank, r.next_attempt_at) as acct_rank
        from ranked r
        where r.ep_status = 'paused'
          or r.ep_rank <= least(coalesce((${free}::jsonb ->> r.endpoint_id)::int, ${o.perEndpoint}::int),
            case when r.rate is null then 2147483647 else greatest(1, ceil(r.rate
              * greatest(0, ${o.rateHorizonSeconds}::double precision - coalesce(r.booked_secs, 0))))::int end)
      ),
      picked as (
        select id from capped
        where acct_rank <= coalesce((${accountFree}::jsonb ->> account_id)::int, ${o.perAccount}::int)
        order by acct_rank, ep_rank, next_attempt_at limit ${o.limit}
      ),
      -- Locked by primary key alone and checked after: the values a lock returns are the row's
      -- latest, and held until commit. With the checks in this WHERE, statistics from before a
      -- backlog arrived make the planner look for these ids along the due index instead.
      locked as (
        select d.id, d.status, d.blocked_by, d.lease_expires_at from deliveries d
        where d.id = any(array(select id from picked))
        for update skip locked
      )
      update deliveries d set
        lease_expires_at = case when ep.status = 'paused' then null
          else clock_timestamp() + make_interval(secs => ${o.leaseMs / 1000}::double precision) end,
        lease_owner = case when ep.status = 'paused' then null else ${o.owner} end,
        next_attempt_at = case when ep.status = 'paused' then d.next_attempt_at + ${PARKED_OFFSET}::interval
          else d.next_attempt_at end
      from locked l, events ev, endpoints ep, eps e
      where d.id = l.id and ev.id = d.event_id and ep.id = d.endpoint_id and e.id = d.endpoint_id
        and l.status in ('pending', 'retrying') and l.blocked_by is null
        and (l.lease_expires_at is null or l.lease_expires_at < clock_timestamp())
      returning ${sql.raw(claimedColumns("e.rate"))}, ep.status = 'paused' as parked`,
    { prepare },
  );
  return rows.filter((r) => !r.parked).map(toClaimedDelivery);
}
