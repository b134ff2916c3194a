import { expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { deliveries, endpoints } from "@/db/schema";
import { getDelivery } from "@/server/delivery/log/get-delivery";
import { listDeliveries } from "@/server/delivery/log/list-deliveries";
import { enqueueEndpointBacklog } from "@/server/delivery/commands/enqueue-endpoint-backlog";
import { retryDelivery } from "@/server/delivery/commands/retry-delivery";
import { startReplay } from "@/server/delivery/replay/start-replay";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";
import { until } from "@/tests/helpers/wait-until";
import { recorder } from "@/tests/helpers/recording-runner";

const h = setupIntegration();

test("list: newest first, filters, cursor pages; another account sees none of it", async () => {
  const actor = await createActor(h.services);
  const a = await insertEndpoint(h.db, actor.accountId, "http://127.0.0.1:9/a");
  const b = await insertEndpoint(h.db, actor.accountId, "http://127.0.0.1:9/b", { eventTypes: ["sms.dlr", "sms.mo"] });
  const noop = recorder();
  const { ids } = (await ingestEvents(
    { db: h.db, actor: actor.actor, runner: noop },
    {
      events: [sampleEvent("sms.dlr"), sampleEvent("sms.mo"), sampleEvent("sms.dlr")],
    },
  )) as { ids: string[] };
  expect(noop.items).toHaveLength(5); // dlr → a, b (twice); mo → b

  const all = await listDeliveries({ db: h.db, actor: actor.actor }, {});
  expect(all.data).toHaveLength(5);
  expect(all.nextCursor).toBeNull();
  expect(all.data.map((d) => d.id)).toEqual([...all.data.map((d) => d.id)].sort().reverse());
  expect(all.data[0]).toMatchObject({
    status: "pending",
    attempts: 0,
    eventType: expect.any(String),
    endpointUrl: expect.stringContaining("127.0.0.1"),
  });

  const p1 = await listDeliveries({ db: h.db, actor: actor.actor }, { limit: 2 });
  const p2 = await listDeliveries({ db: h.db, actor: actor.actor }, { limit: 2, cursor: p1.nextCursor! });
  const p3 = await listDeliveries({ db: h.db, actor: actor.actor }, { limit: 2, cursor: p2.nextCursor! });
  expect([...p1.data, ...p2.data, ...p3.data].map((d) => d.id)).toEqual(all.data.map((d) => d.id));
  expect(p3.nextCursor).toBeNull();

  expect((await listDeliveries({ db: h.db, actor: actor.actor }, { endpointId: a.id })).data).toHaveLength(2);
  expect(
    (await listDeliveries({ db: h.db, actor: actor.actor }, { endpointId: b.id, eventId: ids[1] })).data,
  ).toHaveLength(1);
  expect((await listDeliveries({ db: h.db, actor: actor.actor }, { status: "failed" })).data).toHaveLength(0);
  await expect(listDeliveries({ db: h.db, actor: actor.actor }, { limit: 0 })).rejects.toThrow();

  const stranger = await createActor(h.services);
  expect((await listDeliveries({ db: h.db, actor: stranger.actor }, {})).data).toHaveLength(0);
  expect((await listDeliveries({ db: h.db, actor: stranger.actor }, { endpointId: a.id })).data).toHaveLength(0);
  await expect(getDelivery({ db: h.db, actor: stranger.actor }, { id: all.data[0]!.id })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  await expect(
    retryDelivery({ db: h.db, actor: stranger.actor, runner: noop }, { id: all.data[0]!.id }),
  ).rejects.toMatchObject({ code: "NOT_FOUND" });
});

test("get: the delivery with its attempts, request recorded with custom header values redacted", async () => {
  const receiver = await h.startReceiver();
  receiver.respondOnce({ status: 500, body: "nope" });
  const actor = await createActor(h.services);
  await insertEndpoint(h.db, actor.accountId, receiver.url, {
    customHeaders: [{ name: "X-Api-Key", value: "s3cret" }],
  });
  const runner = h.startRunner({ idlePollMs: 50, attempt: { allowPrivateNetworks: true, schedule: [0, 20] } });
  const { id: eventId } = (await ingestEvents({ db: h.db, actor: actor.actor, runner }, sampleEvent("sms.dlr"))) as {
    id: string;
  };
  const [row] = await until(
    () => h.db.select().from(deliveries).where(eq(deliveries.eventId, eventId)),
    (r) => r[0]?.status === "succeeded",
  );

  const detail = await getDelivery({ db: h.db, actor: actor.actor }, { id: row!.id });
  expect(detail).toMatchObject({
    id: row!.id,
    status: "succeeded",
    attempts: 2,
    event: { id: eventId, type: "sms.dlr" },
  });
  expect(detail.attemptLog.map((a) => [a.attemptNumber, a.responseStatus, a.trigger])).toEqual([
    [1, 500, "scheduled"],
    [2, 200, "scheduled"],
  ]);
  expect(detail.attemptLog[0]!.responseBody).toBe("nope");
  const sent = detail.attemptLog[0]!.request;
  const headerValue = (name: string) => Object.entries(sent.headers).find(([k]) => k.toLowerCase() === name)?.[1];
  expect(headerValue("x-api-key")).toBe("••••••");
  expect(headerValue("webhook-signature")).toMatch(/^v1,/);
  expect(receiver.requests[0]!.headers["x-api-key"]).toBe("s3cret");
  expect(JSON.stringify(detail)).not.toContain("s3cret");
});

test("retry: a failed delivery goes out again at once as a manual attempt; refusals for the wrong states", async () => {
  const receiver = await h.startReceiver();
  receiver.respondOnce({ status: 500 });
  const actor = await createActor(h.services);
  const ep = await insertEndpoint(h.db, actor.accountId, receiver.url);
  const runner = h.startRunner({ idlePollMs: 50, attempt: { allowPrivateNetworks: true, schedule: [0] } });
  const { id: eventId } = (await ingestEvents({ db: h.db, actor: actor.actor, runner }, sampleEvent("sms.dlr"))) as {
    id: string;
  };
  const [failed] = await until(
    () => h.db.select().from(deliveries).where(eq(deliveries.eventId, eventId)),
    (r) => r[0]?.status === "failed",
  );
  expect(failed).toMatchObject({ status: "failed", attempts: 1 });

  const retried = await retryDelivery({ db: h.db, actor: actor.actor, runner }, { id: failed!.id });
  expect(retried.status).toBe("pending");
  await receiver.waitFor(2);
  const [done] = await until(
    () => h.db.select().from(deliveries).where(eq(deliveries.id, failed!.id)),
    (r) => r[0]?.status === "succeeded",
  );
  expect(done).toMatchObject({ status: "succeeded", attempts: 2, nextTrigger: "scheduled" });
  const detail = await getDelivery({ db: h.db, actor: actor.actor }, { id: failed!.id });
  expect(detail.attemptLog.map((a) => a.trigger)).toEqual(["scheduled", "manual"]);
  expect(receiver.requests[1]!.headers["webhook-id"]).toBe(failed!.id);
  // The failed delivery started a failure streak; the successful retry reset it.
  expect((await h.db.select().from(endpoints).where(eq(endpoints.id, ep.id)))[0]!.consecutiveFailures).toBe(0);

  await expect(retryDelivery({ db: h.db, actor: actor.actor, runner }, { id: failed!.id })).rejects.toMatchObject({
    code: "CONFLICT",
  });
  await h.db.update(endpoints).set({ status: "disabled" }).where(eq(endpoints.id, ep.id));
  await h.db.update(deliveries).set({ status: "failed" }).where(eq(deliveries.id, failed!.id));
  await expect(retryDelivery({ db: h.db, actor: actor.actor, runner }, { id: failed!.id })).rejects.toMatchObject({
    code: "CONFLICT",
  });
});

test("the Inngest-style hand-offs: retry, resume and replay enqueue with fresh dedupe keys", async () => {
  const actor = await createActor(h.services);
  const ep = await insertEndpoint(h.db, actor.accountId, "http://127.0.0.1:9/x", { status: "paused" });
  const rec = recorder();
  await ingestEvents(
    { db: h.db, actor: actor.actor, runner: rec },
    { events: [sampleEvent("sms.dlr"), sampleEvent("sms.dlr")] },
  );
  expect(rec.items).toHaveLength(2); // paused endpoints get deliveries that wait

  const resumed = recorder();
  await h.db.update(endpoints).set({ status: "active" }).where(eq(endpoints.id, ep.id));
  expect(await enqueueEndpointBacklog({ db: h.db, runner: resumed }, ep.id)).toBe(2);
  expect(resumed.items.every((i) => i.endpointId === ep.id && i.dedupeKey?.startsWith(`${i.id}-resume-`))).toBe(true);

  await h.db.update(deliveries).set({ status: "failed" }).where(eq(deliveries.endpointId, ep.id));
  const replayed = recorder();
  const { replay, started } = await startReplay(
    { db: h.db, actor: actor.actor, runner: replayed },
    { endpointId: ep.id },
  );
  expect(started).toBe(true);
  expect(replay).toMatchObject({ total: 2, remaining: 0, status: "running", inProgress: 2 });
  expect(replayed.items.map((i) => i.dedupeKey)).toEqual(replayed.items.map((i) => `${i.id}-replay-${replay.id}`));
  const rows = await h.db.select().from(deliveries).where(eq(deliveries.endpointId, ep.id));
  expect(rows.every((d) => d.status === "pending" && d.nextTrigger === "manual" && d.replayId === replay.id)).toBe(
    true,
  );

  const other = await createActor(h.services);
  await expect(
    startReplay({ db: h.db, actor: other.actor, runner: replayed }, { endpointId: ep.id }),
  ).rejects.toMatchObject({ code: "NOT_FOUND" });
});
