import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";

/**
 * Extends the leases this runner still holds (claimed, waiting for a rate slot, in flight or
 * waiting to be recorded), so no other runner takes them over while they are on their way — a
 * busy process holds work past the lease length without it being sent twice. Returns the ids
 * whose lease is no longer this runner's: they must not be sent.
 */
export async function renewLeases(db: Db, owner: string, ids: string[], leaseMs: number): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const kept = await queryRows<{ id: string }>(
    db,
    sql`update deliveries set lease_expires_at = clock_timestamp() + make_interval(secs => ${leaseMs / 1000}::double precision)
        where id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)) and lease_owner = ${owner}
        returning id`,
  );
  const keptIds = new Set(kept.map((r) => r.id));
  return new Set(ids.filter((id) => !keptIds.has(id)));
}
