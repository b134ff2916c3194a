import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";

/** When the next delivery falls due (or a lease runs out), for an idle runner's sleep. */
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
