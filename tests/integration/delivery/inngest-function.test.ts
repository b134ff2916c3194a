import { describe, expect, test } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { deliveries, deliveryAttempts, endpoints } from "@/db/schema";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { DELIVERY_REQUESTED } from "@/server/inngest/client";
import { createDeliverWebhook, deliverWebhook } from "@/server/inngest/functions/deliver-webhook";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";

const h = setupIntegration();

const noop = { enqueue: async () => {} };

/** A delivery to a fresh receiver, and the Inngest event that asks for it. */
async function setup() {
  const receiver = await h.startReceiver();
  const actor = await createActor(h.services);
  const ep = await insertEndpoint(h.db, actor.accountId, receiver.url);
  const { id: eventId } = (await ingestEvents(
    { db: h.db, actor: actor.actor, runner: noop },
    sampleEvent("sms.dlr"),
  )) as { id: string };
  const [d] = await h.db.select().from(deliveries).where(eq(deliveries.eventId, eventId));
  const events: [{ name: string; data: { deliveryId: string; endpointId: string } }] = [
    { name: DELIVERY_REQUESTED, data: { deliveryId: d!.id, endpointId: ep.id } },
  ];
  return { ep, delivery: d!, events, receiver };
}

const engine = (schedule: number[]) =>
  new InngestTestEngine({
    function: createDeliverWebhook({ getDeps: async () => ({ db: h.db, allowPrivateNetworks: true, schedule }) }),
  });

describe("deliver-webhook", () => {
  test("config: triggered by delivery requests, concurrency per endpoint, retries for infrastructure errors", () => {
    expect(deliverWebhook.id()).toBe("deliver-webhook");
    expect(deliverWebhook.opts.triggers).toEqual([{ event: DELIVERY_REQUESTED }]);
    expect(deliverWebhook.opts.concurrency).toEqual([{ key: "event.data.endpointId", limit: 10 }]);
    expect(deliverWebhook.opts.retries).toBe(5);
    expect(deliverWebhook.opts.onFailure).toBeTypeOf("function");
  });

  test("delivers on the first attempt", async () => {
    const { delivery, events, receiver } = await setup();
    const { result, ctx } = await engine([0, 1000]).execute({ events });
    expect(result).toMatchObject({ deliveryId: delivery.id, status: "succeeded" });
    expect(ctx.step.sleepUntil).not.toHaveBeenCalled();
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]!.headers["webhook-id"]).toBe(delivery.id);
    const [row] = await h.db.select().from(deliveries).where(eq(deliveries.id, delivery.id));
    expect(row).toMatchObject({ status: "succeeded", attempts: 1, lastStatusCode: 200 });
  });

  test("a failed attempt schedules the retry with step.sleepUntil at the policy's time", async () => {
    const { delivery, events, receiver } = await setup();
    receiver.respondWith({ status: 503 });
    const { ctx } = await engine([0, 60_000]).executeStep("wait-1", { events });
    const [row] = await h.db.select().from(deliveries).where(eq(deliveries.id, delivery.id));
    expect(row).toMatchObject({ status: "retrying", attempts: 1, lastStatusCode: 503 });
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith("wait-1", row!.nextAttemptAt);
    const delay = row!.nextAttemptAt.getTime() - Date.now();
    expect(delay).toBeGreaterThan(40_000); // 60 s ± 20 % jitter, minus the time this took
    expect(delay).toBeLessThanOrEqual(72_000);
  });

  test("after the (mocked) sleep the retry succeeds; both sends carry the same webhook-id", async () => {
    const { delivery, events, receiver } = await setup();
    receiver.respondOnce({ status: 500, body: "boom" });
    const { result, ctx } = await engine([0, 0]).execute({ events, steps: [{ id: "wait-1", handler: () => null }] });
    expect(result).toMatchObject({ status: "succeeded" });
    expect(ctx.step.sleepUntil).toHaveBeenCalledTimes(1);
    const attempts = await h.db
      .select()
      .from(deliveryAttempts)
      .where(eq(deliveryAttempts.deliveryId, delivery.id))
      .orderBy(deliveryAttempts.attemptNumber);
    expect(attempts.map((a) => a.responseStatus)).toEqual([500, 200]);
    expect(new Set(receiver.requests.map((r) => r.headers["webhook-id"]))).toEqual(new Set([delivery.id]));
  });

  test("records the failure once the schedule is used up", async () => {
    const { ep, delivery, events, receiver } = await setup();
    receiver.respondWith({ status: 500 });
    const { result } = await engine([0, 0]).execute({ events, steps: [{ id: "wait-1", handler: () => null }] });
    expect(result).toMatchObject({ status: "failed" });
    const [row] = await h.db.select().from(deliveries).where(eq(deliveries.id, delivery.id));
    expect(row).toMatchObject({ status: "failed", attempts: 2, lastStatusCode: 500 });
    expect(row!.lastError).toContain("500");
    const [endpoint] = await h.db.select().from(endpoints).where(eq(endpoints.id, ep.id));
    expect(endpoint!.consecutiveFailures).toBe(1);
  });

  test("a second run for a finished delivery sends nothing", async () => {
    const { events, receiver } = await setup();
    await engine([0]).execute({ events });
    const { result } = await engine([0]).execute({ events });
    expect(result).toMatchObject({ status: "skipped", reason: "finished" });
    expect(receiver.requests).toHaveLength(1);
  });

  test("onFailure (retries for internal errors used up) marks the delivery failed, once", async () => {
    const { delivery, events, receiver } = await setup();
    const fn = createDeliverWebhook({ getDeps: async () => ({ db: h.db }) });
    // @inngest/test does not run failure handlers; call it with the payload Inngest sends.
    const onFailure = fn.opts.onFailure!;
    const failure = {
      event: { name: "inngest/function.failed", data: { event: events[0], error: { message: "db down" } } },
      error: new Error("db down"),
    };
    await onFailure(failure as never);
    const [row] = await h.db.select().from(deliveries).where(eq(deliveries.id, delivery.id));
    expect(row).toMatchObject({ status: "failed" });
    expect(row!.lastError).toContain("db down");
    expect(receiver.requests).toHaveLength(0);
  });
});
