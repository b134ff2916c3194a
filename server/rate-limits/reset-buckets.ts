import { inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rateLimits } from "@/db/schema";

/** Fills these buckets again (a successful sign-in clears the failures counted against it). */
export async function resetBuckets(db: DbOrTx, keys: string[]) {
  if (keys.length) await db.delete(rateLimits).where(inArray(rateLimits.key, keys));
}
