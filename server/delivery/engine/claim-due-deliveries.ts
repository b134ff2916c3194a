import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import type { DeliveryItem } from "@/server/delivery/runners/delivery-runner";

/**
 * Claims up to `limit` due deliveries for this process: pending/retrying ones whose time has come,
 * and `sending` ones whose lease expired (their process died mid-attempt). SKIP LOCKED lets several
 * runners claim side by side without waiting on each other; the lease makes a crash lose nothing.
 * Paused endpoints' deliveries are left alone, and so are endpoints this process has saturated.
 */
export async function claimDueDeliveries(db: Db, opts: { limit: number; leaseMs: number; skipEndpoints?: string[] }): Promise<DeliveryItem[]> {
  const skip = opts.skipEndpoints ?? [];
  const skipClause = skip.length ? sql`and d.endpoint_id not in (${sql.join(skip.map((id) => sql`${id}`), sql`, `)})` : sql``;
  const rows = await queryRows<{ id: string; endpoint_id: string }>(
    db,
    sql`with due as (
          select d.id from deliveries d
          join endpoints e on e.id = d.endpoint_id
          where ((d.status in ('pending', 'retrying') and d.next_attempt_at <= clock_timestamp())
                 or (d.status = 'sending' and d.lease_expires_at < clock_timestamp()))
            and e.status <> 'paused'
            ${skipClause}
          order by d.next_attempt_at
          limit ${opts.limit}
          for update of d skip locked
        )
        update deliveries set status = 'sending', lease_expires_at = clock_timestamp() + make_interval(secs => ${opts.leaseMs / 1000})
        from due where deliveries.id = due.id
        returning deliveries.id, deliveries.endpoint_id`,
  );
  return rows.map((r) => ({ id: r.id, endpointId: r.endpoint_id }));
}

/** Puts claimed-but-unstarted deliveries back, due now (shutdown, or over a per-endpoint cap). */
export async function releaseDeliveries(db: Db, ids: string[]) {
  if (!ids.length) return;
  await db.execute(
    sql`update deliveries set status = case when attempts = 0 then 'pending' else 'retrying' end, lease_expires_at = null
        where status = 'sending' and id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`,
  );
}

/** When the next delivery falls due (or a lease runs out), for the runner's sleep. */
export async function nextDueAt(db: Db): Promise<Date | null> {
  const [row] = await queryRows<{ at: Date | string | null }>(
    db,
    sql`select least(
          (select min(d.next_attempt_at) from deliveries d join endpoints e on e.id = d.endpoint_id
            where d.status in ('pending', 'retrying') and e.status <> 'paused'),
          (select min(lease_expires_at) from deliveries where status = 'sending')) as at`,
  );
  return row?.at ? new Date(row.at) : null;
}
