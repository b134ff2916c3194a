import { expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { deliveries, events } from "@/db/schema";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";

const h = setupIntegration();

test("idempotency: the same key twice gives one event and one set of deliveries", async () => {
  const actor = await createActor(h.services);
  const receiver = await h.startReceiver();
  await insertEndpoint(h.db, actor.accountId, receiver.url);
  await insertEndpoint(h.db, actor.accountId, receiver.url);
  const noop = { enqueue: async () => {} };
  const first = await ingestEvents(
    { db: h.db, actor: actor.actor, runner: noop },
    { ...sampleEvent("sms.dlr"), idempotencyKey: "k-1" },
  );
  const again = await ingestEvents(
    { db: h.db, actor: actor.actor, runner: noop },
    { ...sampleEvent("sms.dlr"), idempotencyKey: "k-1" },
  );
  expect(again).toEqual(first);
  const batch = (await ingestEvents(
    { db: h.db, actor: actor.actor, runner: noop },
    {
      events: [
        { ...sampleEvent("sms.dlr"), idempotencyKey: "k-2" },
        { ...sampleEvent("sms.dlr"), idempotencyKey: "k-2" },
        { ...sampleEvent("sms.dlr"), idempotencyKey: "k-1" },
      ],
    },
  )) as { ids: string[] };
  expect(batch.ids[0]).toBe(batch.ids[1]);
  expect(batch.ids[2]).toBe((first as { id: string }).id);
  expect(await h.db.select().from(events).where(eq(events.accountId, actor.accountId))).toHaveLength(2);
  expect(await h.db.select().from(deliveries).where(eq(deliveries.accountId, actor.accountId))).toHaveLength(4);

  // Another account may use the same key independently.
  const other = await createActor(h.services);
  const theirs = await ingestEvents(
    { db: h.db, actor: other.actor, runner: noop },
    { ...sampleEvent("sms.dlr"), idempotencyKey: "k-1" },
  );
  expect(theirs).not.toEqual(first);
});

test("keys older than 24 h can be used again", async () => {
  const actor = await createActor(h.services);
  const noop = { enqueue: async () => {} };
  const first = (await ingestEvents(
    { db: h.db, actor: actor.actor, runner: noop },
    { ...sampleEvent("sms.dlr"), idempotencyKey: "old" },
  )) as { id: string };
  await h.db
    .update(events)
    .set({ createdAt: new Date(Date.now() - 25 * 3600_000) })
    .where(eq(events.id, first.id));
  const second = (await ingestEvents(
    { db: h.db, actor: actor.actor, runner: noop },
    { ...sampleEvent("sms.dlr"), idempotencyKey: "old" },
  )) as { id: string };
  expect(second.id).not.toBe(first.id);
});

test("whatsapp events go only to endpoints of the same WABA number; bad data is refused with issues", async () => {
  const actor = await createActor(h.services);
  const receiver = await h.startReceiver();
  const a = await insertEndpoint(h.db, actor.accountId, receiver.url, {
    product: "whatsapp",
    eventTypes: ["whatsapp.dlr"],
    wabaNumber: "919876543210",
  });
  await insertEndpoint(h.db, actor.accountId, receiver.url, {
    product: "whatsapp",
    eventTypes: ["whatsapp.dlr"],
    wabaNumber: "911111111111",
  });
  const noop = { enqueue: async () => {} };
  const { id } = (await ingestEvents({ db: h.db, actor: actor.actor, runner: noop }, sampleEvent("whatsapp.dlr"))) as {
    id: string;
  };
  const rows = await h.db.select().from(deliveries).where(eq(deliveries.eventId, id));
  expect(rows.map((r) => r.endpointId)).toEqual([a.id]);

  const err = await ingestEvents(
    { db: h.db, actor: actor.actor, runner: noop },
    { events: [sampleEvent("sms.dlr"), { type: "sms.dlr", data: { status: "nope" } }, { type: "nope", data: {} }] },
  ).catch((e) => e);
  expect(err.code).toBe("INVALID");
  const paths = err.issues.map((i: { path: (string | number)[] }) => i.path.join("."));
  expect(paths).toEqual(
    expect.arrayContaining(["events.1.data.status", "events.1.data.transaction_id", "events.2.type"]),
  );

  // user.signup is Hookline's own event: clients cannot forge one.
  const forged = await ingestEvents({ db: h.db, actor: actor.actor, runner: noop }, sampleEvent("user.signup")).catch(
    (e) => e,
  );
  expect(forged.code).toBe("INVALID");
  expect(forged.issues[0].message).toContain("cannot be ingested");
});
