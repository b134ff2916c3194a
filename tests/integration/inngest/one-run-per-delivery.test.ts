import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { deliveries, endpoints } from "@/db/schema";
import { createActor } from "@/tests/helpers/actors";
import { retryDelivery } from "@/server/delivery/commands/retry-delivery";
import { parkEndpointBacklog } from "@/server/delivery/engine/park";
import { InngestRunner } from "@/server/delivery/runners/inngest-runner";
import { createInngestClient, DELIVERY_REQUESTED } from "@/server/inngest/client";
import { createDeliverWebhook } from "@/server/inngest/functions/deliver-webhook";
import { createSweepDeliveries } from "@/server/inngest/functions/sweep-deliveries";
import { insertAccount, insertDelivery } from "@/tests/helpers/deliveries";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { startFakeInngest, type FakeInngest } from "@/tests/helpers/fake-inngest";
import { setupIntegration } from "@/tests/helpers/integration";

const h = setupIntegration({ receiver: true });
let fake: FakeInngest;
let accountId: string;
beforeAll(async () => {
  fake = await startFakeInngest();
  accountId = await insertAccount(h.db);
});
afterAll(() => fake.close());

const row = async (id: string) => (await h.db.select().from(deliveries).where(eq(deliveries.id, id)))[0]!;
const requestFor = (d: { id: string; endpointId: string }): [{ name: string; data: Record<string, string> }] => [
  { name: DELIVERY_REQUESTED, data: { deliveryId: d.id, endpointId: d.endpointId } },
];
const deliverWebhook = (schedule: number[]) =>
  new InngestTestEngine({
    function: createDeliverWebhook({ getDeps: async () => ({ db: h.db, allowPrivateNetworks: true, schedule }) }),
  });

describe("deliver-webhook marks the delivery as held by its run", () => {
  test("asleep until the retry: marked until it wakes; a paused endpoint ends the run and the mark", async () => {
    h.receiver.respondOnce({ status: 503 });
    const ep = await insertEndpoint(h.db, accountId, `${h.receiver.url}/marks`);
    const d = await insertDelivery(h.db, accountId, ep.id);
    await deliverWebhook([0, 60_000]).executeStep("wait-1", { events: requestFor(d) });
    const asleep = await row(d.id);
    expect(asleep.status).toBe("retrying");
    expect(asleep.enqueuedAt!.getTime()).toBe(asleep.nextAttemptAt.getTime());

    await h.db.update(deliveries).set({ nextAttemptAt: new Date() }).where(eq(deliveries.id, d.id));
    await h.db.update(endpoints).set({ status: "paused" }).where(eq(endpoints.id, ep.id));
    const { result } = await deliverWebhook([0, 60_000]).execute({ events: requestFor(d) });
    expect(result).toMatchObject({ status: "skipped", reason: "paused" });
    expect((await row(d.id)).enqueuedAt).toBeNull();
  });
});

test("a manual retry while the run sleeps leaves one effective run: the retry's run sends, the old one (were it not cancelled) finds nothing to do", async () => {
  h.receiver.respondOnce({ status: 503 });
  const { actor } = await createActor(h.services);
  const ep = await insertEndpoint(h.db, actor.accountId, `${h.receiver.url}/retry`);
  const d = await insertDelivery(h.db, actor.accountId, ep.id);
  const before = h.receiver.requests.length;

  // Run A: the first attempt fails; A sleeps until the retry a minute later.
  await deliverWebhook([0, 60_000]).executeStep("wait-1", { events: requestFor(d) });
  // What Inngest memoized for A's first step (step results are stored as JSON).
  const attempt1 = { status: "retry", retryAt: (await row(d.id)).nextAttemptAt.toISOString() };

  // The user presses Retry: the delivery is due now and a new request goes to Inngest, with the
  // same singleton key (the delivery id) as run A's, so Inngest cancels A for the new run.
  const runner = new InngestRunner(createInngestClient({ baseUrl: fake.url }), h.db);
  await retryDelivery({ db: h.db, actor, runner }, { id: d.id });
  const sent = fake.events.filter((e) => e.data.deliveryId === d.id);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ name: DELIVERY_REQUESTED, data: { deliveryId: d.id, endpointId: ep.id } });
  expect(sent[0]!.id).toMatch(new RegExp(`^${d.id}-retry-`));
  expect((await row(d.id)).enqueuedAt).not.toBeNull(); // held by the new run: the sweep leaves it

  // Run B, started by that event, sends it (as a manual attempt).
  const { result: b } = await deliverWebhook([0, 60_000]).execute({ events: [sent[0]!] as never });
  expect(b).toMatchObject({ status: "succeeded" });

  // Run A, had Inngest not cancelled it, wakes and attempts again: nothing left to send.
  const { result: a } = await deliverWebhook([0, 60_000]).execute({
    events: requestFor(d),
    steps: [
      { id: "attempt-1", handler: () => attempt1 },
      { id: "wait-1", handler: () => null },
    ],
  });
  expect(a).toMatchObject({ status: "skipped", reason: "finished" });
  expect(h.receiver.requests.length - before).toBe(2); // the failed first attempt and the manual one
  expect(await row(d.id)).toMatchObject({ status: "succeeded", attempts: 2 });
});

test("the sweep re-sends only deliveries no live run holds, and marks them", async () => {
  const ep = await insertEndpoint(h.db, accountId, `${h.receiver.url}/sweep`);
  const paused = await insertEndpoint(h.db, accountId, `${h.receiver.url}/sweep`, { status: "paused" });
  const ago = (min: number) => new Date(Date.now() - min * 60_000);
  const lost = await insertDelivery(h.db, accountId, ep.id, { nextAttemptAt: ago(10) }); // hand-off never confirmed
  const queued = await insertDelivery(h.db, accountId, ep.id, { nextAttemptAt: ago(10), enqueuedAt: ago(9) }); // queued behind the concurrency limit
  const woke = await insertDelivery(h.db, accountId, ep.id, {
    status: "retrying",
    nextAttemptAt: ago(10),
    enqueuedAt: ago(10),
  }); // its run woke 10 min ago and waits for a slot
  const gone = await insertDelivery(h.db, accountId, ep.id, {
    status: "retrying",
    nextAttemptAt: ago(180),
    enqueuedAt: ago(180),
  }); // its run should have woken 3 h ago: cancelled or lost
  await insertDelivery(h.db, accountId, ep.id, { nextAttemptAt: new Date(Date.now() + 60_000) }); // not due
  await insertDelivery(h.db, accountId, paused.id, { nextAttemptAt: ago(60) });
  await parkEndpointBacklog(h.db, paused.id); // a paused endpoint's deliveries wait on purpose
  await insertDelivery(h.db, accountId, ep.id, { status: "succeeded", nextAttemptAt: ago(60) });

  const client = createInngestClient({ baseUrl: fake.url });
  const sweep = new InngestTestEngine({ function: createSweepDeliveries({ getDbFn: async () => h.db, client }) });
  const sentBefore = fake.events.length;
  const { result, ctx } = await sweep.execute();
  const resent = fake.events.slice(sentBefore).map((e) => e.data.deliveryId);
  expect(new Set(resent)).toEqual(new Set([lost.id, gone.id]));
  expect(result).toEqual({ reEnqueued: 2 });
  expect(ctx.step.sendEvent).toHaveBeenCalledTimes(1);
  for (const id of [lost.id, gone.id]) {
    expect((await row(id)).enqueuedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
  }
  // The held ones keep their marks.
  expect((await row(queued.id)).enqueuedAt!.getTime()).toBeLessThan(Date.now() - 8 * 60_000);
  expect((await row(woke.id)).enqueuedAt!.getTime()).toBeLessThan(Date.now() - 9 * 60_000);

  // The next sweep finds them held by the runs it just asked for.
  const again = await new InngestTestEngine({
    function: createSweepDeliveries({ getDbFn: async () => h.db, client }),
  }).execute();
  expect(again.result).toEqual({ reEnqueued: 0 });
});
