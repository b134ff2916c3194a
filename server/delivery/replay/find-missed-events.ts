import { sql, type SQL } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db";

/**
 * Events the endpoint never got a delivery for: the account's events created since `since` (and
 * not before the endpoint existed) that match its subscription — `subscribes()` in
 * server/events/subscribes.ts, stated here in SQL — with no delivery to it. These are the events that
 * arrived while it was disabled (a paused endpoint still gets deliveries, which wait).
 */
function missedEventsWhere(accountId: string, endpointId: string, since: Date): SQL {
  return sql`ev.account_id = ${accountId}
    and ep.id = ${endpointId} and ep.account_id = ${accountId}
    and ev.created_at >= greatest(${since.toISOString()}::timestamptz, ep.created_at)
    and ev.type = any(ep.event_types)
    and (ev.type not like 'whatsapp.%' or ep.waba_number is null
      or regexp_replace(coalesce(ev.data ->> 'waba_number', ''), '^\\+', '') = regexp_replace(ep.waba_number, '^\\+', ''))
    and not exists (select 1 from deliveries d where d.event_id = ev.id and d.endpoint_id = ep.id)`;
}

/**
 * The oldest `limit` missed events' ids, locked (key share) until the caller's transaction ends:
 * deliveries have no foreign key to events, so this lock is what keeps retention from deleting an
 * event a delivery is being written for (retention skips locked events, prune-expired-data.ts).
 */
export async function findMissedEvents(
  tx: DbOrTx,
  accountId: string,
  endpointId: string,
  since: Date,
  limit: number,
): Promise<string[]> {
  if (limit <= 0) return [];
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select ev.id from events ev, endpoints ep where ${missedEventsWhere(accountId, endpointId, since)}
      order by ev.created_at, ev.id limit ${limit} for key share of ev`,
  );
  return rows.map((r) => r.id);
}

/** How many events the endpoint missed since `since`. */
export async function countMissedEvents(
  db: DbOrTx,
  accountId: string,
  endpointId: string,
  since: Date,
): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(
    db,
    sql`select count(*) as n from events ev, endpoints ep where ${missedEventsWhere(accountId, endpointId, since)}`,
  );
  return Number(row?.n ?? 0);
}
