import { inArray, sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db";
import { rateLimits } from "@/db/schema";

/** A GCRA bucket: `burst` tokens, one back every `intervalMs`. */
export type Bucket = { key: string; burst: number; intervalMs: number };

type TakeResult = { allowed: true } | { allowed: false; retryAfterMs: number };

type Row = { key: string; tat_ms: number; now_ms: number };

/**
 * Takes one token from every bucket, or from none when any is empty — atomically, on the
 * database clock: the rows are locked (in key order, so concurrent callers never deadlock) for
 * the check and the update, so a burst of parallel requests cannot all pass the check.
 */
export async function takeTokens(db: DbOrTx, buckets: Bucket[]): Promise<TakeResult> {
  const sorted = [...buckets].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const keys = sorted.map((b) => b.key);
  return db.transaction(async (tx) => {
    await tx
      .insert(rateLimits)
      .values(keys.map((key) => ({ key, tat: sql`now()` })))
      .onConflictDoNothing();
    const rows = await queryRows<Row>(
      tx,
      sql`select key, extract(epoch from tat) * 1000 as tat_ms, extract(epoch from now()) * 1000 as now_ms
          from rate_limits where ${inArray(rateLimits.key, keys)} order by key for update`,
    );
    const byKey = new Map(rows.map((r) => [r.key, r]));
    let retryAfterMs = 0;
    const next: { key: string; tatMs: number }[] = [];
    for (const b of sorted) {
      const row = byKey.get(b.key)!;
      const now = Number(row.now_ms);
      const tatMs = Math.max(Number(row.tat_ms), now) + b.intervalMs;
      const over = tatMs - now - b.burst * b.intervalMs;
      if (over > 0) retryAfterMs = Math.max(retryAfterMs, over);
      next.push({ key: b.key, tatMs });
    }
    if (retryAfterMs > 0) return { allowed: false, retryAfterMs };
    for (const n of next) {
      await tx.execute(
        sql`update rate_limits set tat = to_timestamp(${n.tatMs / 1000}::double precision) where key = ${n.key}`,
      );
    }
    return { allowed: true };
  });
}
