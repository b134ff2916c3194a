import { eq, inArray } from "drizzle-orm";
import { expect, test } from "vitest";
import { deliveries } from "@/db/schema";
import { claimByIds } from "@/server/delivery/engine/claim-batch";
import { releaseLeases } from "@/server/delivery/engine/release-leases";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { recordEvents } from "@/server/events/record-events";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";

const h = setupIntegration();

const dlr = () => ({ type: "sms.dlr" as const, data: sampleEvent("sms.dlr").data });

test("deliveries written under a runner's lease come back ready to send, as a claim returns them; parked ones are not leased", async () => {
  const me = await createActor(h.services);
  const active = await insertEndpoint(h.db, me.accountId, "http://127.0.0.1:9/a");
  const paused = await insertEndpoint(h.db, me.accountId, "http://127.0.0.1:9/p", { status: "paused" });
  const asked: number[] = [];
  const { leased, deliveries: hinted } = await recordEvents(h.db, me.accountId, [dlr()], (n) => {
    asked.push(n);
    return { owner: "runner-x", leaseMs: 60_000, since: Date.now() };
  });
  expect(asked).toEqual([2]);
  expect(leased.map((c) => c.endpointId)).toEqual([active.id]);
  expect(hinted.map((d) => d.endpointId)).toEqual([paused.id]); // the leased one needs no hint

  const rows = await h.db
    .select({ endpointId: deliveries.endpointId, owner: deliveries.leaseOwner, lease: deliveries.leaseExpiresAt })
    .from(deliveries)
    .where(inArray(deliveries.endpointId, [active.id, paused.id]));
  expect(rows.find((r) => r.endpointId === active.id)).toMatchObject({ owner: "runner-x" });
  expect(rows.find((r) => r.endpointId === active.id)!.lease!.getTime()).toBeGreaterThan(Date.now() + 50_000);
  expect(rows.find((r) => r.endpointId === paused.id)).toMatchObject({ owner: null, lease: null });

  // The same delivery claimed the ordinary way looks the same.
  await releaseLeases(h.db, "runner-x", [leased[0]!.id]);
  const [claimed] = await claimByIds(h.db, [leased[0]!.id], {
    owner: "runner-y",
    leaseMs: 60_000,
    limit: 10,
    free: new Map(),
    perEndpoint: 10,
    accountFree: new Map(),
    perAccount: 10,
    rateHorizonSeconds: 1,
  });
  expect(leased[0]).toEqual(claimed);
});

test("no lease without a running runner, for ordered endpoints, or past what the runner may hold", async () => {
  const me = await createActor(h.services);
  await insertEndpoint(h.db, me.accountId, "http://127.0.0.1:9/o", { orderedDelivery: true });
  const ordered = await recordEvents(h.db, me.accountId, [dlr()], () => ({
    owner: "runner-x",
    leaseMs: 60_000,
    since: Date.now(),
  }));
  expect(ordered.leased).toEqual([]);
  expect(ordered.deliveries).toHaveLength(1);

  const stopped = h.newRunner();
  expect(stopped.leaseOnInsert(1)).toBeNull();
  const running = h.startRunner({ concurrency: 5, batchSize: 5 });
  expect(running.leaseOnInsert(1)).toMatchObject({ owner: running.owner });
  expect(running.leaseOnInsert(11)).toBeNull(); // more than it may hold
});

test("a running runner sends what ingestion leased to it; a stopped one hands the leases back", async () => {
  const receiver = await h.startReceiver();
  const me = await createActor(h.services);
  const ep = await insertEndpoint(h.db, me.accountId, receiver.url);
  const runner = h.startRunner({ attempt: { allowPrivateNetworks: true } });
  await ingestEvents({ db: h.db, actor: me.actor, runner }, dlr());
  await receiver.waitFor(1, 5_000);
  expect(receiver.requests).toHaveLength(1);

  const stopped = h.newRunner();
  const lease = { owner: stopped.owner, leaseMs: 60_000, since: Date.now() };
  const { leased } = await recordEvents(h.db, me.accountId, [dlr()], () => lease);
  expect(leased).toHaveLength(1);
  stopped.adopt(leased, lease);
  await expect
    .poll(async () => {
      const [row] = await h.db
        .select({ owner: deliveries.leaseOwner })
        .from(deliveries)
        .where(eq(deliveries.id, leased[0]!.id));
      return row?.owner;
    })
    .toBeNull();
  expect(ep.id).toBe(leased[0]!.endpointId);
});

test("a lease is timed from when it was given, not from when its deliveries reach the runner", async () => {
  const receiver = await h.startReceiver();
  const me = await createActor(h.services);
  await insertEndpoint(h.db, me.accountId, receiver.url);
  let stalledMs = 0;
  const runner = h.startRunner({
    leaseMs: 60_000,
    now: () => Date.now() + stalledMs,
    attempt: { allowPrivateNetworks: true },
  });
  const { leased, lease } = await recordEvents(h.db, me.accountId, [dlr(), dlr()], (n) => runner.leaseOnInsert(n));
  expect(leased).toHaveLength(2);
  const [takenOver, stillOurs] = leased as [(typeof leased)[0], (typeof leased)[0]];
  // 59 s pass between the insert and the hand-over (a stalled process): 1 s of the lease is left,
  // too little to start a send on. Meanwhile the lease of one ran out and another runner took it.
  stalledMs = 59_000;
  await h.db
    .update(deliveries)
    .set({ leaseOwner: "runner-b", leaseExpiresAt: new Date(Date.now() + 60_000) })
    .where(eq(deliveries.id, takenOver.id));
  runner.adopt(leased, lease!);

  await receiver.waitFor(1, 10_000);
  await new Promise((r) => setTimeout(r, 500)); // the taken-over one would be sent now
  // Renewed before sending: the one still ours goes; the other is left to runner-b.
  expect(receiver.requests.map((r) => r.headers["webhook-id"])).toEqual([stillOurs.id]);
  const [theirs] = await h.db.select().from(deliveries).where(eq(deliveries.id, takenOver.id));
  expect(theirs).toMatchObject({ status: "pending", attempts: 0, leaseOwner: "runner-b" });
});
