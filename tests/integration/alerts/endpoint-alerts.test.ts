import { expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { endpoints } from "@/db/schema";
import { processEndpointAlerts } from "@/server/alerts/process-endpoint-alerts";
import { saveOpsWebhook } from "@/server/alerts/save-ops-webhook";
import type { Actor } from "@/server/auth/actor";
import type { DeliveryItem } from "@/server/delivery/delivery-runner";
import { attemptDelivery } from "@/server/delivery/engine/attempt-delivery";
import { outboxMailer, readOutbox } from "@/server/mail/outbox-mailer";
import { listNotifications } from "@/server/notifications/list-notifications";
import { markNotificationsRead } from "@/server/notifications/mark-notifications-read";
import { createActor } from "@/tests/helpers/actors";
import { setupIntegration } from "@/tests/helpers/integration";
import { insertEndpoint } from "@/tests/helpers/endpoints";

const h = setupIntegration();

test("failing, disabled, recovered: a notification, a signed endpoint.* event to the ops webhook, and an email each", async () => {
  const receiver = await h.startReceiver();
  const user = await createActor(h.services);
  const actor: Actor = { userId: user.userId, accountId: user.accountId, role: "customer" };
  const { signingSecret } = await saveOpsWebhook({ db: h.db, actor }, { url: `${receiver.url}/ops` });
  const watched = await insertEndpoint(h.db, actor.accountId, "http://127.0.0.1:9/orders", {
    description: "Order DLRs",
  });
  const queued: DeliveryItem[] = [];
  const deps = {
    db: h.db,
    runner: { enqueue: async (items: DeliveryItem[]) => void queued.push(...items) },
    mailer: outboxMailer(),
    disableAfter: 20,
  };
  const deliverQueued = async () => {
    for (const item of queued.splice(0)) await attemptDelivery({ db: h.db, allowPrivateNetworks: true }, item.id);
  };

  expect(await processEndpointAlerts(deps)).toBe(0); // nothing has changed

  // 5 failed deliveries in a row: failing.
  await h.db.update(endpoints).set({ consecutiveFailures: 5 }).where(eq(endpoints.id, watched.id));
  expect(await processEndpointAlerts(deps)).toBe(1);
  expect(await processEndpointAlerts(deps)).toBe(0); // told once
  await deliverQueued();
  const [failing] = receiver.requests;
  const body = JSON.parse(failing!.body);
  expect(body).toMatchObject({
    type: "endpoint.failing",
    data: {
      endpoint_id: watched.id,
      endpoint_description: "Order DLRs",
      failed_deliveries_in_a_row: 5,
      disable_after: 20,
    },
  });
  expect(() =>
    new Webhook(signingSecret!).verify(failing!.body, failing!.headers as Record<string, string>),
  ).not.toThrow();

  // Disabled, then re-enabled with the count reset: disabled, recovered.
  await h.db
    .update(endpoints)
    .set({ status: "disabled", disabledReason: "Disabled after 20 consecutive failed deliveries" })
    .where(eq(endpoints.id, watched.id));
  await processEndpointAlerts(deps);
  await h.db.update(endpoints).set({ status: "active", consecutiveFailures: 0 }).where(eq(endpoints.id, watched.id));
  await processEndpointAlerts(deps);
  await deliverQueued();
  expect(receiver.requests.map((r) => JSON.parse(r.body).type)).toEqual([
    "endpoint.failing",
    "endpoint.disabled",
    "endpoint.recovered",
  ]);
  expect(JSON.parse(receiver.requests[1]!.body).data.reason).toBe("Disabled after 20 consecutive failed deliveries");

  // The bell: newest first, unread until opened.
  const bell = await listNotifications({ db: h.db, actor });
  expect(bell.unread).toBe(3);
  expect(bell.items.map((n) => n.kind)).toEqual(["endpoint.recovered", "endpoint.disabled", "endpoint.failing"]);
  expect(bell.items[2]).toMatchObject({ title: "Endpoint failing: Order DLRs", endpointId: watched.id });
  await markNotificationsRead({ db: h.db, actor });
  expect((await listNotifications({ db: h.db, actor })).unread).toBe(0);

  // One mail per alert to the account's user (the development outbox: the same mails SMTP would send).
  const mails = readOutbox().filter((m) => m.to === user.input.email);
  expect(mails.map((m) => m.subject)).toEqual([
    "Endpoint recovered: Order DLRs",
    "Endpoint disabled: Order DLRs",
    "Endpoint failing: Order DLRs",
  ]);
  expect(mails[2]!.text).toContain("5 failed deliveries in a row");

  // Another account sees none of it.
  const other = await createActor(h.services);
  expect(
    (
      await listNotifications({
        db: h.db,
        actor: { userId: other.userId, accountId: other.accountId, role: "customer" },
      })
    ).items,
  ).toEqual([]);
});

test("the ops webhook failing itself is in the bell but never sent to itself", async () => {
  const user = await createActor(h.services);
  const actor: Actor = { userId: user.userId, accountId: user.accountId, role: "customer" };
  const { webhook } = await saveOpsWebhook({ db: h.db, actor }, { url: "http://127.0.0.1:9/ops" });
  await h.db.update(endpoints).set({ consecutiveFailures: 7 }).where(eq(endpoints.id, webhook.id));
  const queued: DeliveryItem[] = [];
  await processEndpointAlerts({
    db: h.db,
    runner: { enqueue: async (items: DeliveryItem[]) => void queued.push(...items) },
    mailer: outboxMailer(),
    disableAfter: 20,
  });
  expect(queued).toEqual([]);
  expect((await listNotifications({ db: h.db, actor })).items.map((n) => n.kind)).toEqual(["endpoint.failing"]);
});
