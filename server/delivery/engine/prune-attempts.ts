import { lt } from "drizzle-orm";
import type { Db } from "@/db";
import { deliveryAttempts } from "@/db/schema";

/** Retention: deletes delivery attempts older than `olderThan`; returns how many. */
export async function pruneAttempts(db: Db, olderThan: Date): Promise<number> {
  const deleted = await db.delete(deliveryAttempts).where(lt(deliveryAttempts.createdAt, olderThan)).returning({ id: deliveryAttempts.id });
  return deleted.length;
}
