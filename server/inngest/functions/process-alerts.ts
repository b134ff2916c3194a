import { processEndpointAlerts } from "@/server/alerts/process-endpoint-alerts";
import { getDb } from "@/server/db";
import { getDeliveryRunner } from "@/server/delivery/runners/get-delivery-runner";
import { getEnv } from "@/server/env";
import { inngest } from "@/server/inngest/client";
import { getMailer } from "@/server/mail/get-mailer";

/** Endpoint alerts for the Inngest runner (the local runner has its own watcher), every minute. */
export const processAlerts = inngest.createFunction(
  {
    id: "process-alerts",
    name: "Endpoint alerts: failing, disabled, recovered",
    triggers: [{ cron: "* * * * *" }],
    retries: 2,
  },
  async ({ step }) =>
    step.run("alerts", async () =>
      processEndpointAlerts({
        db: await getDb(),
        runner: await getDeliveryRunner(),
        mailer: getMailer(),
        disableAfter: getEnv().WEBHOOK_DISABLE_AFTER_FAILURES,
      }),
    ),
);
