import { expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { deliveries, deliveryAttempts, endpoints } from "@/db/schema";
import { sampleEvent } from "@/server/events/catalog";
import { setEndpointStatus } from "@/server/endpoints/set-endpoint-status";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";
import { until } from "@/tests/helpers/wait-until";

const h = setupIntegration();

/** A runner for this test, started: retries after `schedule`, disables after `disableAfterFailures`. */
const fast = (schedule: number[], disableAfterFailures = 20) =>
  h.startRunner({ idlePollMs: 50, attempt: { schedule, disableAfterFailures, allowPrivateNetworks: true } });

test("a receiver that fails twice then succeeds: delivered on the third attempt, three attempts recorded", async () => {
  const receiver = await h.startReceiver();
  receiver.respondOnce({ status: 500, body: "boom" }, { status: 503, body: "busy" });
  const actor = await createActor(h.services);
  await insertEndpoint(h.db, actor.accountId, receiver.url);
  const runner = fast([0, 50, 50]);
  const { id } = (await ingestEvents({ db: h.db, actor: actor.actor, runner }, sampleEvent("sms.dlr"))) as {
    id: string;
  };
  await receiver.waitFor(3, 10_000);
  const [d] = await until(
    () => h.db.select().from(deliveries).where(eq(deliveries.eventId, id)),
    (r) => r[0]?.status === "succeeded",
  );
  expect(d).toMatchObject({ status: "succeeded", attempts: 3, lastStatusCode: 200 });
  const attempts = await h.db
    .select()
    .from(deliveryAttempts)
    .where(eq(deliveryAttempts.deliveryId, d!.id))
    .orderBy(deliveryAttempts.attemptNumber);
  expect(attempts.map((a) => a.responseStatus)).toEqual([500, 503, 200]);
  expect(attempts[0]!.responseBody).toBe("boom");
  expect(new Set(receiver.requests.map((r) => r.headers["webhook-id"]))).toEqual(new Set([d!.id]));
});

test("410 Gone disables the endpoint at once", async () => {
  const receiver = await h.startReceiver();
  receiver.respondWith({ status: 410 });
  const actor = await createActor(h.services);
  const ep = await insertEndpoint(h.db, actor.accountId, receiver.url);
  const runner = fast([0, 50, 50]);
  await ingestEvents({ db: h.db, actor: actor.actor, runner }, sampleEvent("sms.dlr"));
  const [row] = await until(
    () => h.db.select().from(endpoints).where(eq(endpoints.id, ep.id)),
    (r) => r[0]?.status === "disabled",
  );
  expect(row).toMatchObject({ status: "disabled", disabledReason: "Endpoint returned 410 Gone" });
  expect(receiver.requests).toHaveLength(1);
});

test("N consecutive failed deliveries disable the endpoint; later events get no deliveries", async () => {
  const receiver = await h.startReceiver();
  receiver.respondWith({ status: 500 });
  const actor = await createActor(h.services);
  const ep = await insertEndpoint(h.db, actor.accountId, receiver.url);
  const runner = fast([0], 3);
  for (let i = 0; i < 3; i++) await ingestEvents({ db: h.db, actor: actor.actor, runner }, sampleEvent("sms.dlr"));
  const [row] = await until(
    () => h.db.select().from(endpoints).where(eq(endpoints.id, ep.id)),
    (r) => r[0]?.status === "disabled",
  );
  expect(row).toMatchObject({
    status: "disabled",
    consecutiveFailures: 3,
    disabledReason: "Disabled after 3 consecutive failed deliveries",
  });
  await ingestEvents({ db: h.db, actor: actor.actor, runner }, sampleEvent("sms.dlr"));
  expect(await h.db.select().from(deliveries).where(eq(deliveries.endpointId, ep.id))).toHaveLength(3);
});

test("a success resets the consecutive failure count", async () => {
  const receiver = await h.startReceiver();
  receiver.respondOnce({ status: 500 });
  const actor = await createActor(h.services);
  const ep = await insertEndpoint(h.db, actor.accountId, receiver.url);
  const runner = fast([0], 5);
  await ingestEvents({ db: h.db, actor: actor.actor, runner }, sampleEvent("sms.dlr"));
  await until(
    () => h.db.select().from(endpoints).where(eq(endpoints.id, ep.id)),
    (r) => r[0]?.consecutiveFailures === 1,
  );
  await ingestEvents({ db: h.db, actor: actor.actor, runner }, sampleEvent("sms.dlr"));
  const [row] = await until(
    () => h.db.select().from(endpoints).where(eq(endpoints.id, ep.id)),
    (r) => r[0]?.consecutiveFailures === 0,
  );
  expect(row!.consecutiveFailures).toBe(0);
});

test("a paused endpoint receives nothing; its deliveries wait and go out after resume", async () => {
  const receiver = await h.startReceiver();
  const actor = await createActor(h.services);
  const ep = await insertEndpoint(h.db, actor.accountId, receiver.url, { status: "paused" });
  const runner = fast([0]);
  await ingestEvents(
    { db: h.db, actor: actor.actor, runner },
    { events: [sampleEvent("sms.dlr"), sampleEvent("sms.dlr")] },
  );
  await new Promise((r) => setTimeout(r, 300));
  expect(receiver.requests).toHaveLength(0);
  expect((await h.db.select().from(deliveries).where(eq(deliveries.endpointId, ep.id))).map((d) => d.status)).toEqual([
    "pending",
    "pending",
  ]);
  await setEndpointStatus({ db: h.db, actor: actor.actor, runner }, { id: ep.id, status: "active" });
  await receiver.waitFor(2, 10_000);
  expect(receiver.requests).toHaveLength(2);
});
