import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { deliveries, deliveryAttempts, endpoints } from "@/db/schema";
import { LocalRunner } from "@/server/delivery/runners/local-runner";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor } from "@/tests/helpers/actors";
import { createTestDb } from "@/tests/helpers/db";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { startReceiver, type Receiver } from "@/tests/helpers/receiver";
import { until } from "@/tests/helpers/wait-until";

let h: DbHandle;
let receiver: Receiver;
let runner: LocalRunner;
beforeAll(async () => {
  h = await createTestDb();
});
afterEach(async () => {
  await runner?.stop();
  await receiver?.close();
});
afterAll(() => h.close());

const fast = (schedule: number[], disableAfterFailures = 20) =>
  new LocalRunner({
    db: h.db,
    idlePollMs: 50,
    attempt: { schedule, disableAfterFailures, allowPrivateNetworks: true },
  });

test("a receiver that fails twice then succeeds: delivered on the third attempt, three attempts recorded", async () => {
  receiver = await startReceiver();
  receiver.respondOnce({ status: 500, body: "boom" }, { status: 503, body: "busy" });
  const actor = await createActor(h.db);
  await insertEndpoint(h.db, actor.accountId, receiver.url);
  runner = fast([0, 50, 50]);
  runner.start();
  const { id } = (await ingestEvents({ db: h.db, accountId: actor.accountId, runner }, sampleEvent("sms.dlr"))) as {
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
  receiver = await startReceiver();
  receiver.respondWith({ status: 410 });
  const actor = await createActor(h.db);
  const ep = await insertEndpoint(h.db, actor.accountId, receiver.url);
  runner = fast([0, 50, 50]);
  runner.start();
  await ingestEvents({ db: h.db, accountId: actor.accountId, runner }, sampleEvent("sms.dlr"));
  const [row] = await until(
    () => h.db.select().from(endpoints).where(eq(endpoints.id, ep.id)),
    (r) => r[0]?.status === "disabled",
  );
  expect(row).toMatchObject({ status: "disabled", disabledReason: "Endpoint returned 410 Gone" });
  expect(receiver.requests).toHaveLength(1);
});

test("N consecutive failed deliveries disable the endpoint; later events get no deliveries", async () => {
  receiver = await startReceiver();
  receiver.respondWith({ status: 500 });
  const actor = await createActor(h.db);
  const ep = await insertEndpoint(h.db, actor.accountId, receiver.url);
  runner = fast([0], 3);
  runner.start();
  for (let i = 0; i < 3; i++)
    await ingestEvents({ db: h.db, accountId: actor.accountId, runner }, sampleEvent("sms.dlr"));
  const [row] = await until(
    () => h.db.select().from(endpoints).where(eq(endpoints.id, ep.id)),
    (r) => r[0]?.status === "disabled",
  );
  expect(row).toMatchObject({
    status: "disabled",
    consecutiveFailures: 3,
    disabledReason: "Disabled after 3 consecutive failed deliveries",
  });
  await ingestEvents({ db: h.db, accountId: actor.accountId, runner }, sampleEvent("sms.dlr"));
  expect(await h.db.select().from(deliveries).where(eq(deliveries.endpointId, ep.id))).toHaveLength(3);
});

test("a success resets the consecutive failure count", async () => {
  receiver = await startReceiver();
  receiver.respondOnce({ status: 500 });
  const actor = await createActor(h.db);
  const ep = await insertEndpoint(h.db, actor.accountId, receiver.url);
  runner = fast([0], 5);
  runner.start();
  await ingestEvents({ db: h.db, accountId: actor.accountId, runner }, sampleEvent("sms.dlr"));
  await until(
    () => h.db.select().from(endpoints).where(eq(endpoints.id, ep.id)),
    (r) => r[0]?.consecutiveFailures === 1,
  );
  await ingestEvents({ db: h.db, accountId: actor.accountId, runner }, sampleEvent("sms.dlr"));
  const [row] = await until(
    () => h.db.select().from(endpoints).where(eq(endpoints.id, ep.id)),
    (r) => r[0]?.consecutiveFailures === 0,
  );
  expect(row!.consecutiveFailures).toBe(0);
});

test("a paused endpoint receives nothing; its deliveries wait and go out after resume", async () => {
  receiver = await startReceiver();
  const actor = await createActor(h.db);
  const ep = await insertEndpoint(h.db, actor.accountId, receiver.url, { status: "paused" });
  runner = fast([0]);
  runner.start();
  await ingestEvents(
    { db: h.db, accountId: actor.accountId, runner },
    { events: [sampleEvent("sms.dlr"), sampleEvent("sms.dlr")] },
  );
  await new Promise((r) => setTimeout(r, 300));
  expect(receiver.requests).toHaveLength(0);
  expect((await h.db.select().from(deliveries).where(eq(deliveries.endpointId, ep.id))).map((d) => d.status)).toEqual([
    "pending",
    "pending",
  ]);
  await h.db.update(endpoints).set({ status: "active" }).where(eq(endpoints.id, ep.id));
  await runner.enqueue([]);
  await receiver.waitFor(2, 10_000);
  expect(receiver.requests).toHaveLength(2);
});
