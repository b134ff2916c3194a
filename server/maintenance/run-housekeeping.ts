import type { Db } from "@/db";
import { pruneSignInFailures } from "@/server/auth/sign-in-throttle";
import { pruneAttempts, retentionCutoff } from "@/server/delivery/engine/prune-attempts";
import { getEnv } from "@/server/env";

/**
 * Hourly housekeeping, from the local runner's timer or the Inngest cron: delivery attempts past
 * RETENTION_DAYS, and sign-in failures that no longer count (older than the throttle window).
 */
export async function runHousekeeping(db: Db, now = new Date()) {
  const env = getEnv();
  const attempts = await pruneAttempts(db, retentionCutoff(env.RETENTION_DAYS, now));
  const signInFailures = await pruneSignInFailures(
    db,
    { maxFailures: env.SIGN_IN_MAX_FAILURES, windowMinutes: env.SIGN_IN_WINDOW_MINUTES },
    now,
  );
  return { attempts, signInFailures };
}
