import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db";

/**
 * A paused endpoint's waiting deliveries are "parked": their due time is moved this far ahead, so
 * they leave the due range of the claim's index (a paused backlog of any size costs a claim
 * nothing), and moved back on resume, keeping their schedule.
 */
export const PARKED_OFFSET = "100 years";
const PARKED_AFTER = "50 years";

/** Parks the endpoint's waiting deliveries (on pause). */
export async function parkEndpointBacklog(db: DbOrTx, endpointId: string): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update deliveries set next_attempt_at = next_attempt_at + ${PARKED_OFFSET}::interval
        where endpoint_id = ${endpointId} and status in ('pending', 'retrying')
          and next_attempt_at < clock_timestamp() + ${PARKED_AFTER}::interval
        returning id`,
  );
  return rows.length;
}

/** Brings the endpoint's parked deliveries back to their schedule, overdue ones due now (on resume). */
export async function unparkEndpointBacklog(db: DbOrTx, endpointId: string): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update deliveries set next_attempt_at = greatest(next_attempt_at - ${PARKED_OFFSET}::interval, clock_timestamp())
        where endpoint_id = ${endpointId} and status in ('pending', 'retrying')
          and next_attempt_at > clock_timestamp() + ${PARKED_AFTER}::interval
        returning id`,
  );
  return rows.length;
}
