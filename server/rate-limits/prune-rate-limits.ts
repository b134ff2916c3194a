import { lt } from "drizzle-orm";
import type { Db } from "@/db";
import { rateLimits } from "@/db/schema";

/** Housekeeping: a bucket whose theoretical arrival time has passed is full, the same as no row. */
export async function pruneRateLimits(db: Db, now = new Date()): Promise<number> {
  const deleted = await db.delete(rateLimits).where(lt(rateLimits.tat, now)).returning({ key: rateLimits.key });
  return deleted.length;
}
