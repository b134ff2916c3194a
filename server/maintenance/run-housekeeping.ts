import type { Db } from "@/db";
import { getEnv } from "@/server/env";
import { pruneRateLimits } from "@/server/rate-limits/prune-rate-limits";
import { pruneExpiredData } from "./prune-expired-data";

/**
 * Hourly housekeeping, from the local runner's timer or the Inngest cron: each account's attempts
 * and events past its retention (default RETENTION_DAYS), and rate-limit buckets that are full
 * again (the same as having no row).
 */
export async function runHousekeeping(db: Db, now = new Date()) {
  const env = getEnv();
  const { attempts, events } = await pruneExpiredData(db, env.RETENTION_DAYS, { now });
  const rateLimits = await pruneRateLimits(db, now);
  return { attempts, events, rateLimits };
}
