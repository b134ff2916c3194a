import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";

const DAY_MS = 24 * 3600_000;

/**
 * Retention per account: attempts and events older than the account's retention (its own 1–90
 * days, else `defaultDays`) are deleted — an event with its deliveries, once none of them is
 * still on its way. Grouped by retention, in batches, so no delete holds a long lock.
 */
export async function pruneExpiredData(
  db: Db,
  defaultDays: number,
  { now = new Date(), batchSize = 5_000 }: { now?: Date; batchSize?: number } = {},
) {
  const groups = await queryRows<{ days: number }>(
    db,
    sql`select distinct coalesce(retention_days, ${defaultDays}::int) as days from accounts`,
  );
  let attempts = 0;
  let events = 0;
  for (const { days } of groups) {
    const cutoff = new Date(now.getTime() - Number(days) * DAY_MS).toISOString();
    const inGroup = sql`(select id from accounts where coalesce(retention_days, ${defaultDays}::int) = ${Number(days)}::int)`;
    attempts += await deleteInBatches(
      db,
      batchSize,
      sql`delete from delivery_attempts where id in (
        select id from delivery_attempts
        where created_at < ${cutoff}::timestamptz and account_id in ${inGroup} limit ${batchSize}
      ) returning id`,
    );
    events += await deleteInBatches(
      db,
      batchSize,
      // Its deliveries and their attempts go with it, however recent (neither has a foreign key
      // to events, see db/schema/events.ts).
      sql`with expired as (
        select e.id from events e
        where e.created_at < ${cutoff}::timestamptz and e.account_id in ${inGroup}
          and not exists (select 1 from deliveries d where d.event_id = e.id and d.status in ('pending', 'sending', 'retrying'))
        limit ${batchSize}
        -- An event a replay is writing a delivery for is locked by it (find-missed-events.ts): left
        -- for the next run, so no delivery outlives its event.
        for update skip locked
      ), their_attempts as (
        delete from delivery_attempts a using deliveries d
        where d.event_id in (select id from expired) and a.delivery_id = d.id
      ), their_deliveries as (
        delete from deliveries where event_id in (select id from expired)
      )
      delete from events where id in (select id from expired) returning id`,
    );
  }
  return { attempts, events };
}

async function deleteInBatches(db: Db, batchSize: number, statement: ReturnType<typeof sql>): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await queryRows<{ id: string }>(db, statement);
    total += deleted.length;
    if (deleted.length < batchSize) return total;
  }
}
