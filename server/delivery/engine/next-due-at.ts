import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";

/**
 * When the next unleased delivery falls due, for an idle runner's sleep. One step down the due
 * index past the (few) leased rows; parked deliveries of paused endpoints sit far in the future.
 */
export async function nextDueAt(db: Db): Promise<Date | null> {
  const [row] = await queryRows<{ at: Date | string }>(
    db,
    sql`select next_attempt_at as at from deliveries
        where status in ('pending', 'retrying') and blocked_by is null and (lease_expires_at is null or lease_expires_at < clock_timestamp())
        order by next_attempt_at limit 1`,
  );
  return row ? new Date(row.at) : null;
}
