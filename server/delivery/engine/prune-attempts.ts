import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";

const DAY_MS = 24 * 3600_000;

/**
 * Retention: deletes delivery attempts older than `olderThan`, in batches so a large backlog
 * never holds one long lock on the table; returns how many. Deliveries keep their summary
 * (status, attempts, last status code and error).
 */
export async function pruneAttempts(
  db: Db,
  olderThan: Date,
  { batchSize = 5_000 }: { batchSize?: number } = {},
): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await queryRows<{ id: string }>(
      db,
      sql`delete from delivery_attempts where id in (
        select id from delivery_attempts where created_at < ${olderThan.toISOString()}::timestamptz limit ${batchSize}
      ) returning id`,
    );
    total += deleted.length;
    if (deleted.length < batchSize) return total;
  }
}

/** The cut-off for a retention of `retentionDays` days. */
export const retentionCutoff = (retentionDays: number, now = new Date()) =>
  new Date(now.getTime() - retentionDays * DAY_MS);
