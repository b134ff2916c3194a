import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { deliveries } from "@/db/schema";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";

const h = setupIntegration();

test("work queued past its lease is sent after a renewal if still ours, dropped if another runner took it", async () => {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const receiver = await h.startReceiver(async (_req, index) => {
    if (index === 0) await gate; // the first send stays in flight while the other two wait behind it
    return { status: 200, body: "ok" };
  });
  const me = await createActor(h.services);
  await insertEndpoint(h.db, me.accountId, receiver.url);
  // A 60 s lease: no periodic renewal (every 20 s) comes during the test; the lease clock is
  // moved past it instead, as if the event loop had stalled for two minutes.
  let stalledMs = 0;
  const runner = h.startRunner({
    concurrency: 1,
    perEndpoint: 1,
    leaseMs: 60_000,
    idlePollMs: 50,
    now: () => Date.now() + stalledMs,
    attempt: { allowPrivateNetworks: true },
  });
  await ingestEvents(
    { db: h.db, actor: me.actor, runner },
    { events: [sampleEvent("sms.dlr"), sampleEvent("sms.dlr"), sampleEvent("sms.dlr")] },
  );
  const [first] = await receiver.waitFor(1, 10_000);
  const firstId = String(first!.headers["webhook-id"]);
  const queued = (await h.db.select({ id: deliveries.id }).from(deliveries))
    .map((d) => d.id)
    .filter((id) => id !== firstId);
  expect(queued).toHaveLength(2);
  const [stillOurs, takenOver] = queued as [string, string];
  await h.db
    .update(deliveries)
    .set({ leaseOwner: "runner-b", leaseExpiresAt: new Date(Date.now() + 60_000) })
    .where(eq(deliveries.id, takenOver));

  stalledMs = 120_000;
  release();
  await receiver.waitFor(2, 10_000);
  await new Promise((r) => setTimeout(r, 500)); // the taken-over one would be sent now

  expect(receiver.requests.map((r) => r.headers["webhook-id"])).toEqual([firstId, stillOurs]);
  const rows = await h.db.select().from(deliveries);
  const byId = new Map(rows.map((r) => [r.id, r]));
  expect(byId.get(stillOurs)).toMatchObject({ status: "succeeded", attempts: 1 });
  // Left alone for runner-b: not sent, not recorded, its lease untouched.
  expect(byId.get(takenOver)).toMatchObject({ status: "pending", attempts: 0, leaseOwner: "runner-b" });
  expect(runner.activeCount).toBe(0);
});
