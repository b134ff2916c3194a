import { readMigrationStatus } from "@/db";
import { getDbHandle } from "@/server/db";
import { getEnv } from "@/server/env";
import { startAlertWatcher } from "@/server/alerts/start-alert-watcher";
import { startDeliveryRunner } from "@/server/delivery/runners/start-delivery-runner";

const MAX_RETRY_MS = 30_000;

/**
 * A long-lived server's start-up work, in the background (instrumentation.ts): open the database (in
 * development it is migrated then), warn when a production database lacks migrations, and start
 * the in-process runner when it is the one in use. A failure — the database is down, or the
 * embedded one is locked — is logged and retried with backoff; requests meanwhile fail on their
 * own, and /api/health says why.
 */
export function startServer(): void {
  // A Vercel function runs no runner and touches the database only when a request needs it (a
  // cold start must not wake a scale-to-zero database); /api/health reports it.
  if (getEnv().onVercel) return;
  void attempt(1);
}

async function attempt(n: number): Promise<void> {
  try {
    const handle = await getDbHandle();
    const status = await readMigrationStatus(handle.db);
    if (!status.current)
      console.warn(
        `[hookline] The database lacks ${status.pending.length} migration(s) (${status.pending.join(", ")}): run \`npm run db:migrate\`.`,
      );
    const runner = await startDeliveryRunner();
    // With the local runner, this process also watches for endpoint alerts (Inngest: a cron).
    if (runner) startAlertWatcher({ db: handle.db, runner });
    console.log(
      `[hookline] Database ready (${handle.driver}); deliveries run ${runner ? "in this process (local runner)" : "on Inngest"}.`,
    );
  } catch (err) {
    const delay = Math.min(MAX_RETRY_MS, 1000 * 2 ** (n - 1));
    console.error(
      `[hookline] Start-up could not reach the database (${err instanceof Error ? err.message : String(err)}); trying again in ${delay / 1000} s.`,
    );
    setTimeout(() => void attempt(n + 1), delay).unref();
  }
}
