import { and, desc, eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import { deliveries, notifications, users } from "@/db/schema";
import type { DeliveryRunner } from "@/server/delivery/delivery-runner";
import { getEnv } from "@/server/env";
import { recordEvents } from "@/server/events/record-events";
import { FAILURE_WARNING_THRESHOLD } from "@/server/health/thresholds";
import { newId } from "@/server/lib/ids";
import type { Mailer } from "@/server/mail/mailer";
import { endpointAlertMail } from "@/server/mail/templates/endpoint-alert-mail";
import { alertKind, describeAlert, type AlertState } from "./describe-alert";

type Deps = { db: Db; runner: DeliveryRunner; mailer: Mailer; disableAfter: number; now?: Date };

type Changed = {
  id: string;
  account_id: string;
  url: string;
  description: string;
  status: "active" | "paused" | "disabled";
  report_type: string;
  consecutive_failures: number;
  disabled_reason: string | null;
  old_state: AlertState;
  new_state: AlertState;
};

/**
 * Alerts when an endpoint starts failing (FAILURE_WARNING_THRESHOLD failed deliveries in a row),
 * is disabled, or recovers. Each endpoint remembers the state it was last alerted about
 * (`endpoints.alert_state`); this claims the endpoints whose state moved on (SKIP LOCKED, so two
 * processes never alert twice) and, in the same transaction, writes the in-app notification and
 * an `endpoint.*` event for the account's operational webhook (signed, retried, logged like every
 * delivery). After the commit the deliveries are handed to the runner and the account's users
 * are emailed. Called every few seconds by the alert watcher (or Inngest's cron); it reads the
 * endpoints the engine updates, so the engine needs no hook.
 */
export async function processEndpointAlerts({ db, runner, mailer, disableAfter, now = new Date() }: Deps) {
  const stateExpr = sql`case when status = 'disabled' then 'disabled'
    when consecutive_failures >= ${FAILURE_WARNING_THRESHOLD} then 'failing' else 'ok' end`;
  const sent: { accountId: string; title: string; body: string; endpointId: string }[] = [];

  const queued = await db.transaction(async (tx) => {
    const changed = await queryRows<Changed>(
      tx,
      sql`with moved as (
            select id, alert_state as old_state, ${stateExpr} as new_state from endpoints
            where alert_state <> ${stateExpr}
            order by id limit 100 for update skip locked)
          update endpoints e set alert_state = m.new_state from moved m where e.id = m.id
          returning e.id, e.account_id, e.url, e.description, e.status, e.report_type, e.consecutive_failures,
            e.disabled_reason, m.old_state, m.new_state`,
    );
    const out = [];
    for (const ep of changed) {
      const kind = alertKind(ep.old_state, ep.new_state);
      if (!kind) continue;
      const [last] = await tx
        .select({ error: deliveries.lastError })
        .from(deliveries)
        .where(and(eq(deliveries.endpointId, ep.id), eq(deliveries.status, "failed")))
        .orderBy(desc(deliveries.id))
        .limit(1);
      const alert = describeAlert(
        kind,
        {
          id: ep.id,
          url: ep.url,
          description: ep.description,
          status: ep.status,
          consecutiveFailures: ep.consecutive_failures,
          disabledReason: ep.disabled_reason,
        },
        // The error's first sentence ("503 Service Unavailable from your server"), not its advice.
        { disableAfter, lastError: last?.error?.split(/\.\s/)[0] ?? null, at: now },
      );
      await tx.insert(notifications).values({
        id: newId("ntf"),
        accountId: ep.account_id,
        endpointId: ep.id,
        kind,
        title: alert.title,
        body: alert.body,
      });
      sent.push({ accountId: ep.account_id, title: alert.title, body: alert.body, endpointId: ep.id });
      // The operational webhook is not told about itself: a failing one would alert into itself.
      if (ep.report_type === "alerts") continue;
      const { deliveries: items } = await recordEvents(tx, ep.account_id, [{ type: kind, data: alert.data }]);
      out.push(...items);
    }
    return out;
  });

  if (queued.length) await runner.enqueue(queued);
  for (const alert of sent) await emailAccount(db, mailer, alert);
  return sent.length;
}

/** Links in mails: absolute when the public URL is configured (there is no request to take it from). */
const appUrl = () => (getEnv().NEXTAUTH_URL ?? getEnv().AUTH_URL ?? "").replace(/\/$/, "");

async function emailAccount(
  db: Db,
  mailer: Mailer,
  alert: { accountId: string; title: string; body: string; endpointId: string },
) {
  const recipients = await db.select({ email: users.email }).from(users).where(eq(users.accountId, alert.accountId));
  const base = appUrl();
  const link = base ? `${base}/webhooks/${alert.endpointId}` : null;
  for (const { email } of recipients) {
    try {
      await mailer.send(endpointAlertMail(email, alert, link));
    } catch (err) {
      // An unreachable mail server must not stop the alerts: they are in the app and the webhook.
      console.error("[hookline] alert email failed:", err instanceof Error ? err.message : err);
    }
  }
}
