import { expect, test } from "vitest";
import { count, eq, sql } from "drizzle-orm";
import { deliveries, deliveryAttempts, events } from "@/db/schema";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";
import { until } from "@/tests/helpers/wait-until";

const h = setupIntegration();

test("concurrent single-event requests for the same messages while two runners send: nothing is left waiting, each message arrives in acceptance order", async () => {
  const MESSAGES = 40;
  const PER_MESSAGE = 6;
  const me = await createActor(h.services);
  // Answers take a while — well beyond the other 39 messages' ingestions between two of one
  // message's, even on a slow shared machine (PGlite runs one transaction at a time; at 400 ms
  // nothing waited on a busy day) — so new statuses arrive while the one before is in flight or
  // finishing; every message may have one in flight.
  const receiver = await h.startReceiver((_req, i) => ({ delayMs: 1500 + ((i * 7) % 500) }));
  const ep = await insertEndpoint(h.db, me.accountId, `${receiver.url}/hook`, { orderedDelivery: true });
  const runners = [0, 1].map(() =>
    h.startRunner({ idlePollMs: 50, perEndpoint: MESSAGES, attempt: { allowPrivateNetworks: true } }),
  );

  const requests = Array.from({ length: MESSAGES * PER_MESSAGE }, (_, i) => ({
    type: "sms.dlr",
    data: { ...sampleEvent("sms.dlr").data, message_id: `m${i % MESSAGES}`, client_ref: String(i) },
  }));
  // Every message reports at once, each its statuses one request after the other (so a message's
  // events are accepted in the order of their client_ref), through either runner.
  await Promise.all(
    Array.from({ length: MESSAGES }, async (_, m) => {
      for (const event of requests.filter((_e, i) => i % MESSAGES === m))
        await ingestEvents({ db: h.db, actor: me.actor, runner: runners[m % 2]! }, event);
    }),
  );

  const rows = await until(
    () =>
      h.db
        .select({ d: deliveries, ref: events.data })
        .from(deliveries)
        .innerJoin(events, eq(events.id, deliveries.eventId))
        .where(eq(deliveries.endpointId, ep.id)),
    (r) => r.length === requests.length && r.every((x) => x.d.status === "succeeded"),
    60_000,
  );
  expect(rows.filter((x) => x.d.status !== "succeeded")).toEqual([]);
  const arrival = new Map(receiver.requests.map((r, i) => [JSON.parse(r.body).data.client_ref as string, i]));
  const refOf = (x: (typeof rows)[number]) => Number((x.ref as { client_ref: string }).client_ref);
  for (let m = 0; m < MESSAGES; m++) {
    const accepted = rows.filter((x) => x.d.orderingKey === `m${m}`).sort((a, b) => refOf(a) - refOf(b));
    // Received in acceptance order.
    const order = accepted.map((x) => arrival.get(String(refOf(x)))!);
    expect(order, `m${m}`).toEqual([...order].sort((a, b) => a - b));
    // A delivery that had to wait was linked behind the one accepted just before it.
    accepted.forEach((x, i) => {
      if (x.d.successorId) expect(x.d.successorId).toBe(accepted[i + 1]?.d.id);
    });
  }
  const waited = rows.filter((x) => x.d.successorId !== null).length;
  console.log(`${waited} of ${rows.length} deliveries had the next status of their message waiting behind them`);
  expect(waited).toBeGreaterThan(0);
  // Each delivery arrived; a request beyond one per delivery is a recorded retry (an attempt that
  // timed out on a loaded machine), never a second copy sent alongside the first.
  expect(new Set(receiver.requests.map((r) => r.headers["webhook-id"])).size).toBe(requests.length);
  const [attempts] = await h.db
    .select({ n: count() })
    .from(deliveryAttempts)
    .where(eq(deliveryAttempts.endpointId, ep.id));
  expect(receiver.requests).toHaveLength(Number(attempts!.n));
}, 120_000);

test.skipIf(!process.env.TEST_DATABASE_URL)(
  "an ingestion whose message's tail is locked by another writer starts over instead of waiting, and links behind it",
  async () => {
    const me = await createActor(h.services);
    const ep = await insertEndpoint(h.db, me.accountId, "http://127.0.0.1:9/locked", { orderedDelivery: true });
    const dlr = (status: string) => ({
      type: "sms.dlr",
      data: { ...sampleEvent("sms.dlr").data, message_id: "locked-msg", status },
    });
    const parked = h.newRunner(); // never started: nothing is sent
    await ingestEvents({ db: h.db, actor: me.actor, runner: parked }, dlr("submitted"));
    const [tail] = await h.db.select().from(deliveries).where(eq(deliveries.endpointId, ep.id));

    let ingested = false;
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    // Another writer (a record flush, a lease renewal) holds the tail's row for 300 ms.
    const holder = h.db.transaction(async (tx) => {
      await tx.execute(sql`select id from deliveries where id = ${tail!.id} for update`);
      await new Promise((r) => setTimeout(r, 300));
      expect(ingested).toBe(false);
      release();
    });
    await new Promise((r) => setTimeout(r, 50));
    const ingest = ingestEvents({ db: h.db, actor: me.actor, runner: parked }, dlr("delivered")).then(() => {
      ingested = true;
    });
    await Promise.all([holder, ingest, released]);
    const rows = await h.db.select().from(deliveries).where(eq(deliveries.endpointId, ep.id));
    const next = rows.find((d) => d.id !== tail!.id)!;
    expect(next.blockedBy).toBe(tail!.id);
    expect(rows.find((d) => d.id === tail!.id)!.successorId).toBe(next.id);
    expect(next.orderingSeq).toBe(2);
  },
);
