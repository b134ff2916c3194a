import type { Db } from "@/db";
import { pruneAttempts, retentionCutoff } from "@/server/delivery/engine/prune-attempts";
import { getEnv } from "@/server/env";
import { pruneRateLimits } from "@/server/rate-limits/prune-rate-limits";

/**
 * Hourly housekeeping, from the local runner's timer or the Inngest cron: delivery attempts past
 * RETENTION_DAYS, and rate-limit buckets that are full again (the same as having no row).
 */
export async function runHousekeeping(db: Db, now = new Date()) {
  const env = getEnv();
  const attempts = await pruneAttempts(db, retentionCutoff(env.RETENTION_DAYS, now));
  const rateLimits = await pruneRateLimits(db, now);
  return { attempts, rateLimits };
}
