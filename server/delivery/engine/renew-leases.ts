import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";

export type Renewal = {
  /** Leases extended: leaseMs from some moment after the renewal began. */
  renewed: string[];
  /** No longer this runner's (another runner's, released, or gone): they must not be sent. */
  lost: Set<string>;
};

/**
 * Extends the leases this runner still holds (claimed, waiting for a rate slot, in flight or
 * waiting to be recorded), so no other runner takes them over while they are on their way — a
 * busy process holds work past the lease length without it being sent twice.
 *
 * Rows locked right now are skipped, never waited for, so a renewal cannot deadlock with this
 * runner's own record flush locking the same rows in another order. A skipped row is neither
 * renewed nor lost: the lock may be another runner's claim of a lease that already ran out,
 * still uncommitted (so the row still names us), which takes the row once it commits.
 */
export async function renewLeases(db: Db, owner: string, ids: string[], leaseMs: number): Promise<Renewal> {
  if (!ids.length) return { renewed: [], lost: new Set() };
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
  const renewed = kept.map((r) => r.id);
  if (renewed.length === ids.length) return { renewed, lost: new Set() };
  const keptIds = new Set(renewed);
  const rest = ids.filter((id) => !keptIds.has(id));
  const stillOurs = await queryRows<{ id: string }>(
    db,
    sql`select id from deliveries where id = any(array(select jsonb_array_elements_text(${JSON.stringify(rest)}::jsonb)))
        and lease_owner = ${owner}`,
  );
  const locked = new Set(stillOurs.map((r) => r.id));
  return { renewed, lost: new Set(rest.filter((id) => !locked.has(id))) };
}
