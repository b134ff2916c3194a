import { EnvError, getEnv } from "./server/env";

/**
 * Fails fast on bad configuration (exit 1 with a message naming the variable), opens the database
 * (applying migrations) so the first request does not pay for it, and starts the in-process
 * delivery runner and the endpoint-alert watcher unless deliveries go through Inngest.
 */
try {
  getEnv();
} catch (err) {
  if (!(err instanceof EnvError)) throw err;
  console.error(`\n[hookline] ${err.message}\n[hookline] Set these variables (see .env.example) and start again.\n`);
  process.exit(1);
}
const { getDbHandle } = await import("./server/db");
await getDbHandle();
const { startDeliveryRunner } = await import("./server/delivery/runners/start-delivery-runner");
const runner = await startDeliveryRunner();
if (runner) {
  const [{ getDb }, { startAlertWatcher }] = await Promise.all([
    import("./server/db"),
    import("./server/alerts/start-alert-watcher"),
  ]);
  startAlertWatcher({ db: await getDb(), runner });
}
