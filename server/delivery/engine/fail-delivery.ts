import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import { releaseSuccessors, releaseSuccessorsSql, type Successor } from "@/server/delivery/ordering/release-successors";

/**
 * Ends a delivery that the machinery itself could not carry on with (the Inngest function ran out
 * of retries). A delivery that already finished is left alone; a failed one can be retried by hand.
 * Returns whether it was ended, and the next delivery of its message that stopped waiting for it.
 */
export async function failDelivery(
  db: Db,
  deliveryId: string,
  reason: string,
): Promise<{ failed: boolean; released: string[] }> {
  const rows = await queryRows<Successor & { ended: boolean }>(
    db,
    sql`with failed as (
      update deliveries d set status = 'failed', lease_expires_at = null, lease_owner = null, rate_slot_at = null,
        last_error = ${reason}, updated_at = clock_timestamp()
      where d.id = ${deliveryId} and d.status not in ('succeeded', 'failed', 'superseded')
      returning d.id, d.status, d.successor_id
    ), ${releaseSuccessorsSql("failed")}
    select f.id as ended_id, s.id, s.blocker, s.released, true as ended
    from failed f left join successors s on true`,
  );
  const successors = rows.filter((r) => r.id !== null);
  return { failed: rows.length > 0, released: await releaseSuccessors(db, successors) };
}
