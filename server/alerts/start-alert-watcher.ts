import type { Db } from "@/db";
import type { DeliveryRunner } from "@/server/delivery/delivery-runner";
import { getEnv } from "@/server/env";
import { getMailer } from "@/server/mail/get-mailer";
import { processEndpointAlerts } from "./process-endpoint-alerts";

const g = globalThis as unknown as { __hooklineAlertWatcher?: NodeJS.Timeout };

/**
 * With the local runner: looks for endpoints whose alert state moved on every few seconds (once
 * per process; kept on globalThis across dev reloads). With Inngest the `process-alerts` cron does it.
 */
export function startAlertWatcher({
  db,
  runner,
  everyMs = 5_000,
}: {
  db: Db;
  runner: DeliveryRunner;
  everyMs?: number;
}) {
  if (g.__hooklineAlertWatcher) return;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await processEndpointAlerts({
        db,
        runner,
        mailer: getMailer(),
        disableAfter: getEnv().WEBHOOK_DISABLE_AFTER_FAILURES,
      });
    } catch (err) {
      console.error("[hookline] alerts:", err);
    } finally {
      busy = false;
    }
  };
  g.__hooklineAlertWatcher = setInterval(tick, everyMs);
  g.__hooklineAlertWatcher.unref();
}
