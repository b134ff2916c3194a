import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { deliveries } from "@/db/schema";

/**
 * The Inngest runner's mark on deliveries a run holds (`deliveries.enqueued_at`): `"now"` after a
 * hand-off to Inngest or a step of the run, a Date when the run sleeps until then, null when the
 * run ended without finishing the delivery (a paused endpoint). The mark only moves forward while
 * a run holds it, so a late hand-off confirmation cannot shorten a sleeping run's mark.
 */
export async function markEnqueued(db: Db, ids: string[], at: "now" | Date | null): Promise<void> {
  if (!ids.length) return;
  const value =
    at === null
      ? null
      : sql`greatest(coalesce(${deliveries.enqueuedAt}, '-infinity'::timestamptz), ${
          at === "now" ? sql`clock_timestamp()` : sql`${at.toISOString()}::timestamptz`
        })`;
  await db.update(deliveries).set({ enqueuedAt: value }).where(inArray(deliveries.id, ids));
}
