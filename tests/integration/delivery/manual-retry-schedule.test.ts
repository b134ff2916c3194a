import { expect, test } from "vitest";
import { asc, eq } from "drizzle-orm";
import { deliveries, deliveryAttempts } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { retryDelivery } from "@/server/delivery/commands/retry-delivery";
import { attemptDelivery } from "@/server/delivery/engine/attempt-delivery";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor } from "@/tests/helpers/actors";
import { setupIntegration } from "@/tests/helpers/integration";
import { insertEndpoint } from "@/tests/helpers/endpoints";

const h = setupIntegration();

const MIN = 60_000;
// Immediately, 1 min, 10 min, 1 h — no jitter (random = 0.5).
const deps = () => ({
  db: h.db,
  schedule: [0, MIN, 10 * MIN, 60 * MIN],
  allowPrivateNetworks: true,
  random: () => 0.5,
});
const runner = { enqueue: async () => {} };

async function setup() {
  const receiver = await h.startReceiver();
  receiver.respondWith({ status: 500, body: "down" });
  const user = await createActor(h.services);
  const actor: Actor = { userId: user.userId, accountId: user.accountId, role: "customer" };
  await insertEndpoint(h.db, actor.accountId, receiver.url);
  const { id: eventId } = (await ingestEvents({ db: h.db, actor, runner }, sampleEvent("sms.dlr"))) as { id: string };
  const [d] = await h.db.select().from(deliveries).where(eq(deliveries.eventId, eventId));
  return { actor, deliveryId: d!.id, receiver };
}

const load = async (id: string) => (await h.db.select().from(deliveries).where(eq(deliveries.id, id)))[0]!;

test("a failed manual Retry leaves the next scheduled attempt where it was", async () => {
  const { actor, deliveryId } = await setup();
  await attemptDelivery(deps(), deliveryId);
  const scheduled = (await load(deliveryId)).nextAttemptAt;
  expect(scheduled.getTime() - Date.now()).toBeGreaterThan(50_000); // about a minute away

  const retried = await retryDelivery({ db: h.db, actor, runner }, { id: deliveryId });
  expect(retried.resumeAt?.getTime()).toBe(scheduled.getTime());
  // Clicking again before it ran keeps the saved time.
  expect((await retryDelivery({ db: h.db, actor, runner }, { id: deliveryId })).resumeAt?.getTime()).toBe(
    scheduled.getTime(),
  );

  const result = await attemptDelivery(deps(), deliveryId);
  expect(result).toEqual({ status: "retry", retryAt: scheduled });
  const after = await load(deliveryId);
  expect(after).toMatchObject({ status: "retrying", attempts: 2, manualAttempts: 1, resumeAt: null });
  expect(after.nextAttemptAt.getTime()).toBe(scheduled.getTime());

  // The scheduled attempt that follows is the schedule's second step: its next wait is 10 min, not 1 min.
  await h.db.update(deliveries).set({ nextAttemptAt: new Date() }).where(eq(deliveries.id, deliveryId));
  const next = await attemptDelivery(deps(), deliveryId);
  expect(next.status).toBe("retry");
  const wait = (next as { retryAt: Date }).retryAt.getTime() - Date.now();
  expect(wait).toBeGreaterThan(9 * MIN);
  expect(wait).toBeLessThanOrEqual(10 * MIN);

  const attempts = await h.db
    .select({ n: deliveryAttempts.attemptNumber, trigger: deliveryAttempts.trigger, at: deliveryAttempts.createdAt })
    .from(deliveryAttempts)
    .where(eq(deliveryAttempts.deliveryId, deliveryId))
    .orderBy(asc(deliveryAttempts.attemptNumber));
  expect(attempts.map((a) => [a.n, a.trigger])).toEqual([
    [1, "scheduled"],
    [2, "manual"],
    [3, "scheduled"],
  ]);
  // Attempt times keep their seconds (and milliseconds).
  expect(attempts.every((a) => a.at instanceof Date)).toBe(true);
});

test("a manual Retry that succeeds finishes the delivery; one on a delivery past its schedule gets that one attempt", async () => {
  const { actor, deliveryId, receiver } = await setup();
  for (let i = 0; i < 4; i++) {
    await h.db.update(deliveries).set({ nextAttemptAt: new Date() }).where(eq(deliveries.id, deliveryId));
    await attemptDelivery(deps(), deliveryId);
  }
  expect(await load(deliveryId)).toMatchObject({ status: "failed", attempts: 4 });

  await retryDelivery({ db: h.db, actor, runner }, { id: deliveryId });
  expect(await attemptDelivery(deps(), deliveryId)).toEqual({ status: "failed" });
  expect(await load(deliveryId)).toMatchObject({ status: "failed", attempts: 5, manualAttempts: 1 });

  receiver.respondWith({ status: 200, body: "ok" });
  await retryDelivery({ db: h.db, actor, runner }, { id: deliveryId });
  expect(await attemptDelivery(deps(), deliveryId)).toEqual({ status: "succeeded" });
  expect(await load(deliveryId)).toMatchObject({ status: "succeeded", attempts: 6, manualAttempts: 2 });
});
