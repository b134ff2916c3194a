import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";

/**
 * Extends the leases this runner still holds (claimed, waiting for a rate slot, in flight or
 * waiting to be recorded), so no other runner takes them over while they are on their way — a
 * busy process holds work past the lease length without it being sent twice. Returns the ids
 * whose lease is no longer this runner's: they must not be sent.
 *
 * Rows locked right now (by this runner's own record flush) are skipped, never waited for, so a
 * renewal cannot deadlock with a flush that locks the same rows in another order.
 */
export async function renewLeases(db: Db, owner: string, ids: string[], leaseMs: number): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const list = JSON.stringify(ids);
  const kept = await queryRows<{ id: string }>(
    db,
    sql`update deliveries set lease_expires_at = clock_timestamp() + make_interval(secs => ${leaseMs / 1000}::double precision)
        where id in (
          select id from deliveries
          where id = any(array(select jsonb_array_elements_text(${list}::jsonb))) and lease_owner = ${owner}
          for update skip locked
        )
        returning id`,
  );
  if (kept.length === ids.length) return new Set();
  const keptIds = new Set(kept.map((r) => r.id));
  const rest = ids.filter((id) => !keptIds.has(id));
  const theirs = await queryRows<{ id: string }>(
    db,
    sql`select id from deliveries where id = any(array(select jsonb_array_elements_text(${JSON.stringify(rest)}::jsonb)))
        and lease_owner is not null and lease_owner <> ${owner}`,
  );
  return new Set(theirs.map((r) => r.id));
}
