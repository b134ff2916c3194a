import { and, count, eq, gt, lt } from "drizzle-orm";
import type { Db } from "@/db";
import { signInFailures } from "@/db/schema";
import { newId } from "@/server/lib/ids";

export type ThrottleConfig = { maxFailures: number; windowMinutes: number };

/**
 * Failed sign-ins for one email over a sliding window. Past `maxFailures` the email is refused
 * until the oldest failure in the window ages out, whatever password is sent.
 */
export async function checkSignInThrottle(
  db: Db,
  email: string,
  cfg: ThrottleConfig,
  now = new Date(),
): Promise<{ allowed: true } | { allowed: false; retryAfterMinutes: number }> {
  const since = new Date(now.getTime() - cfg.windowMinutes * 60_000);
  const rows = await db
    .select({ createdAt: signInFailures.createdAt })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, email), gt(signInFailures.createdAt, since)))
    .orderBy(signInFailures.createdAt);
  if (rows.length < cfg.maxFailures) return { allowed: true };
  const oldest = rows[rows.length - cfg.maxFailures]!.createdAt;
  const freeAt = oldest.getTime() + cfg.windowMinutes * 60_000;
  return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000)) };
}

export async function recordSignInFailure(db: Db, email: string, now = new Date()) {
  await db.insert(signInFailures).values({ id: newId("sif"), email, createdAt: now });
}

export async function clearSignInFailures(db: Db, email: string) {
  await db.delete(signInFailures).where(eq(signInFailures.email, email));
}

/** Housekeeping: failures older than the window no longer count. */
export async function pruneSignInFailures(db: Db, cfg: ThrottleConfig, now = new Date()): Promise<number> {
  const deleted = await db
    .delete(signInFailures)
    .where(lt(signInFailures.createdAt, new Date(now.getTime() - cfg.windowMinutes * 60_000)))
    .returning({ id: signInFailures.id });
  return deleted.length;
}

export async function countSignInFailures(db: Db, email: string) {
  const [row] = await db.select({ n: count() }).from(signInFailures).where(eq(signInFailures.email, email));
  return row?.n ?? 0;
}
