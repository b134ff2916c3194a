import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import type { Bucket } from "./take-tokens";

/** Gives back one token taken from `bucket` (e.g. a sign-in that turned out to be right). */
export async function refundToken(db: DbOrTx, bucket: Bucket) {
  await db.execute(
    sql`update rate_limits set tat = tat - make_interval(secs => ${bucket.intervalMs / 1000}::double precision) where key = ${bucket.key}`,
  );
}
