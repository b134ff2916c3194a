import { expect, test } from "vitest";
import { eq, inArray } from "drizzle-orm";
import * as replayRoute from "@/app/api/v1/endpoints/[id]/replay/route";
import { deliveries, endpoints } from "@/db/schema";
import { createApiKey } from "@/server/api-keys/create-api-key";
import type { Actor } from "@/server/auth/actor";
import { countReplayableDeliveries } from "@/server/delivery/replay/count-replayable-deliveries";
import { getReplayProgress } from "@/server/delivery/replay/get-replay-progress";
import type { ReplayProgress } from "@/server/delivery/replay/load-replay-progress";
import { startReplay } from "@/server/delivery/replay/start-replay";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";
import { until } from "@/tests/helpers/wait-until";
import { recorder } from "@/tests/helpers/recording-runner";
import { restClient } from "@/tests/helpers/rest-client";

const h = setupIntegration();

/** An endpoint with `n` failed deliveries (ingested without sending, then marked failed). */
async function endpointWithFailures(actor: Actor, url: string, n: number) {
  const ep = await insertEndpoint(h.db, actor.accountId, url);
  await ingestEvents(
    { db: h.db, actor, runner: recorder() },
    { events: Array.from({ length: n }, () => sampleEvent("sms.dlr")) },
  );
  await h.db
    .update(deliveries)
    .set({ status: "failed", attempts: 1, lastStatusCode: 503 })
    .where(eq(deliveries.endpointId, ep.id));
  return ep;
}

const ofReplay = (replayId: string) => h.db.select().from(deliveries).where(eq(deliveries.replayId, replayId));

test("bounded: at most `limit` deliveries, oldest first; the rest are reported as remaining", async () => {
  const actor = await createActor(h.services);
  const ep = await endpointWithFailures(actor.actor, "http://127.0.0.1:9/x", 5);
  const deps = { db: h.db, actor: actor.actor, limit: 3 };

  expect(await countReplayableDeliveries(deps, { endpointId: ep.id })).toMatchObject({
    count: 5,
    willReplay: 3,
    limit: 3,
    running: null,
    endpointStatus: "active",
  });

  const rec = recorder();
  const { replay, started } = await startReplay({ ...deps, runner: rec }, { endpointId: ep.id });
  expect(started).toBe(true);
  expect(replay).toMatchObject({
    status: "running",
    total: 3,
    remaining: 2,
    inProgress: 3,
    done: 0,
    succeeded: 0,
    failed: 0,
  });
  expect(replay.id).toMatch(/^rpl_/);
  const queued = await ofReplay(replay.id);
  expect(queued).toHaveLength(3);
  expect(queued.every((d) => d.status === "pending" && d.nextTrigger === "manual")).toBe(true);
  expect(rec.items.map((i) => i.id).sort()).toEqual(queued.map((d) => d.id).sort());
  // Oldest first: the three smallest (time-ordered) ids.
  const all = (await h.db.select({ id: deliveries.id }).from(deliveries).where(eq(deliveries.endpointId, ep.id)))
    .map((d) => d.id)
    .sort();
  expect(queued.map((d) => d.id).sort()).toEqual(all.slice(0, 3));

  expect(await countReplayableDeliveries(deps, { endpointId: ep.id })).toMatchObject({
    count: 2,
    running: { id: replay.id },
  });
});

test("idempotent: starting again while one runs returns it and queues nothing; concurrent starts make one replay", async () => {
  const actor = await createActor(h.services);
  const ep = await endpointWithFailures(actor.actor, "http://127.0.0.1:9/x", 4);
  const rec = recorder();
  const deps = { db: h.db, actor: actor.actor, runner: rec, limit: 2 };

  const [a, b, c] = await Promise.all([
    startReplay(deps, { endpointId: ep.id }),
    startReplay(deps, { endpointId: ep.id }),
    startReplay(deps, { endpointId: ep.id }),
  ]);
  expect([a, b, c].filter((r) => r.started)).toHaveLength(1);
  expect(new Set([a.replay.id, b.replay.id, c.replay.id]).size).toBe(1);
  expect(rec.items).toHaveLength(2);

  // Through tRPC too (default limit): the running replay comes back, nothing more is queued.
  const again = await actor.caller.deliveries.replay({ endpointId: ep.id });
  expect(again).toMatchObject({ started: false, replay: { id: a.replay.id, total: 2 } });
  expect(rec.items).toHaveLength(2);
  expect(await ofReplay(a.replay.id)).toHaveLength(2);
  expect(
    (await h.db.select().from(deliveries).where(eq(deliveries.endpointId, ep.id))).filter((d) => d.status === "failed"),
  ).toHaveLength(2);
});

test("progress counts move as deliveries finish; then it is finished and a new replay takes what is left", async () => {
  const receiver = await h.startReceiver();
  const actor = await createActor(h.services);
  const ep = await endpointWithFailures(actor.actor, `${receiver.url}/hook`, 5);
  // One attempt per delivery, so a failure during the replay is final at once.
  const runner = h.newRunner({ idlePollMs: 50, attempt: { allowPrivateNetworks: true, schedule: [0] } });
  const { replay } = await startReplay({ db: h.db, actor: actor.actor, runner, limit: 3 }, { endpointId: ep.id });
  expect(replay).toMatchObject({ total: 3, remaining: 2, done: 0, inProgress: 3 });

  receiver.respondOnce({ status: 500, body: "still down" });
  const seen: number[] = [];
  runner.start();
  const finished = await until(
    async () => {
      const p = await actor.caller.deliveries.replayProgress({ id: replay.id });
      seen.push(p.done);
      return p;
    },
    (p) => p.status === "finished",
  );
  expect(finished).toMatchObject({
    status: "finished",
    total: 3,
    done: 3,
    succeeded: 2,
    failed: 1,
    inProgress: 0,
    remaining: 2,
  });
  expect(finished.finishedAt).toBeInstanceOf(Date);
  expect(seen[seen.length - 1]).toBe(3);
  expect(seen.every((d, i) => i === 0 || d >= seen[i - 1]!)).toBe(true);
  expect(receiver.requests).toHaveLength(3);
  expect(new Set(receiver.requests.map((r) => r.headers["webhook-id"])).size).toBe(3);

  // The next replay takes the 2 left out + the 1 that failed again; the first one's history stays.
  const next = await actor.caller.deliveries.replay({ endpointId: ep.id });
  expect(next.started).toBe(true);
  expect(next.replay).toMatchObject({ total: 3, remaining: 0 });
  const done = await until(
    () => getReplayProgress({ db: h.db, actor: actor.actor }, { id: next.replay.id }),
    (p) => p.status === "finished",
  );
  expect(done).toMatchObject({ succeeded: 3, failed: 0 });
  expect(await getReplayProgress({ db: h.db, actor: actor.actor }, { id: replay.id })).toMatchObject({
    succeeded: 2,
    failed: 1,
    done: 3,
  });
  expect(receiver.requests).toHaveLength(6);

  const list: ReplayProgress[] = await actor.caller.deliveries.replays({ endpointId: ep.id });
  expect(list.map((r) => r.id)).toEqual([next.replay.id, replay.id]);
  // Nothing failed is left: a new replay has nothing to take and finishes at once.
  const empty = await actor.caller.deliveries.replay({ endpointId: ep.id });
  expect(empty.replay).toMatchObject({ total: 0, status: "finished" });
});

test("since: only failed deliveries created at or after it are replayed", async () => {
  const actor = await createActor(h.services);
  const ep = await endpointWithFailures(actor.actor, "http://127.0.0.1:9/x", 3);
  const [oldest] = await h.db
    .select()
    .from(deliveries)
    .where(eq(deliveries.endpointId, ep.id))
    .orderBy(deliveries.id)
    .limit(1);
  await h.db
    .update(deliveries)
    .set({ createdAt: new Date(Date.now() - 3 * 86400_000) })
    .where(eq(deliveries.id, oldest!.id));

  expect(await actor.caller.deliveries.replayPreview({ endpointId: ep.id })).toMatchObject({ count: 2, willReplay: 2 }); // default: 24 h
  expect(
    await actor.caller.deliveries.replayPreview({ endpointId: ep.id, since: new Date(Date.now() - 4 * 86400_000) }),
  ).toMatchObject({ count: 3 });
  const { replay } = await actor.caller.deliveries.replay({ endpointId: ep.id });
  expect(replay.total).toBe(2);
  expect((await ofReplay(replay.id)).map((d) => d.id)).not.toContain(oldest!.id);
});

test("refusals: inactive endpoint is CONFLICT; another account's endpoint and replay are NOT_FOUND / empty; bad input is BAD_REQUEST", async () => {
  const actor = await createActor(h.services);
  const stranger = await createActor(h.services);
  const ep = await endpointWithFailures(actor.actor, "http://127.0.0.1:9/x", 2);
  const { replay } = await actor.caller.deliveries.replay({ endpointId: ep.id });

  await expect(stranger.caller.deliveries.replay({ endpointId: ep.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(stranger.caller.deliveries.replayPreview({ endpointId: ep.id })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  await expect(stranger.caller.deliveries.replayProgress({ id: replay.id })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  expect(await stranger.caller.deliveries.replays({ endpointId: ep.id })).toEqual([]);

  const disabled = await endpointWithFailures(actor.actor, "http://127.0.0.1:9/y", 1);
  await h.db.update(endpoints).set({ status: "disabled" }).where(eq(endpoints.id, disabled.id));
  await expect(actor.caller.deliveries.replay({ endpointId: disabled.id })).rejects.toMatchObject({
    code: "CONFLICT",
    message: expect.stringContaining("enable it first"),
  });
  expect((await h.db.select().from(deliveries).where(eq(deliveries.endpointId, disabled.id)))[0]!.status).toBe(
    "failed",
  );

  await expect(
    actor.caller.deliveries.replay({ endpointId: ep.id, since: "last week" as never }),
  ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  await expect(actor.caller.deliveries.replayProgress({ id: "dlv_0000000000000000" })).rejects.toMatchObject({
    code: "BAD_REQUEST",
  });
});

test("REST: POST /api/v1/endpoints/{id}/replay starts (202) or returns the running one (200); GET lists them", async () => {
  const actor = await createActor(h.services);
  const { key } = await createApiKey({ db: h.db, actor: actor.actor }, { name: "replay" });
  const stranger = await createActor(h.services);
  const { key: strangerKey } = await createApiKey({ db: h.db, actor: stranger.actor }, { name: "other" });
  const ep = await endpointWithFailures(actor.actor, "http://127.0.0.1:9/x", 2);
  const { call } = restClient({ db: h.db, runner: recorder() });
  const params = { id: ep.id };
  const path = `/api/v1/endpoints/${ep.id}/replay`;

  const bad = await call(replayRoute.POST, "POST", params, { key, path, json: { since: "soon" } });
  expect(bad.status).toBe(422);
  expect(bad.data.error.issues[0].path).toEqual(["since"]);
  expect((await call(replayRoute.POST, "POST", params, { key: strangerKey, path })).status).toBe(404);

  const first = await call(replayRoute.POST, "POST", params, {
    key,
    path,
    json: { since: new Date(Date.now() - 3600_000).toISOString() },
  });
  expect(first.status).toBe(202);
  expect(first.data).toMatchObject({ started: true, replay: { total: 2, status: "running" } });
  const second = await call(replayRoute.POST, "POST", params, { key, path });
  expect(second.status).toBe(200);
  expect(second.data).toMatchObject({ started: false, replay: { id: first.data.replay.id } });
  const listed = await call(replayRoute.GET, "GET", params, { key, path });
  expect(listed.data.data.map((r: { id: string }) => r.id)).toEqual([first.data.replay.id]);
  expect((await call(replayRoute.GET, "GET", params, { key: strangerKey, path })).data.data).toEqual([]);
  expect(
    (
      await h.db
        .select()
        .from(deliveries)
        .where(inArray(deliveries.replayId, [first.data.replay.id]))
    ).length,
  ).toBe(2);
});

test("includeMissed: events that arrived while the endpoint was disabled get deliveries, once, within the bound", async () => {
  const actor = await createActor(h.services);
  const ep = await endpointWithFailures(actor.actor, "http://127.0.0.1:9/hook", 1);
  const whatsapp = await insertEndpoint(h.db, actor.accountId, "http://127.0.0.1:9/wa", {
    product: "whatsapp",
    eventTypes: ["whatsapp.dlr"],
    wabaNumber: "+911234567890",
  });
  await h.db
    .update(endpoints)
    .set({ status: "disabled", disabledReason: "Endpoint returned 410 Gone" })
    .where(inArray(endpoints.id, [ep.id, whatsapp.id]));
  const other = await createActor(h.services);
  await ingestEvents({ db: h.db, actor: other.actor, runner: recorder() }, { events: [sampleEvent("sms.dlr")] }); // another account's
  const sms = () => sampleEvent("sms.dlr");
  const wa = (waba: string) => ({
    type: "whatsapp.dlr",
    data: { ...sampleEvent("whatsapp.dlr").data, waba_number: waba },
  });
  await ingestEvents(
    { db: h.db, actor: actor.actor, runner: recorder() },
    { events: [sms(), sms(), sampleEvent("sms.mo"), wa("911234567890"), wa("919999999999")] },
  );
  await h.db
    .update(endpoints)
    .set({ status: "active" })
    .where(inArray(endpoints.id, [ep.id, whatsapp.id]));
  const deps = { db: h.db, actor: actor.actor, runner: recorder() };

  // Missed: the two SMS DLRs (not the MO, not another account's); for WhatsApp only its own WABA number.
  expect(await countReplayableDeliveries(deps, { endpointId: ep.id, includeMissed: true })).toMatchObject({
    count: 1,
    missed: 2,
    willReplay: 3,
  });
  expect(await countReplayableDeliveries(deps, { endpointId: ep.id })).toMatchObject({
    count: 1,
    missed: 2,
    willReplay: 1,
  });
  expect(await countReplayableDeliveries(deps, { endpointId: whatsapp.id, includeMissed: true })).toMatchObject({
    count: 0,
    missed: 1,
  });

  // Bounded at 2: the failed one first, then the oldest missed event; one missed event remains.
  const first = await startReplay({ ...deps, limit: 2 }, { endpointId: ep.id, includeMissed: true });
  expect(first.replay).toMatchObject({ total: 2, remaining: 1 });
  const queued = await ofReplay(first.replay.id);
  expect(queued).toHaveLength(2);
  expect(queued.every((d) => d.status === "pending" && d.nextTrigger === "manual" && d.endpointId === ep.id)).toBe(
    true,
  );
  expect(deps.runner.items.map((i) => i.id).sort()).toEqual(queued.map((d) => d.id).sort());

  // Finish it; the next replay takes only the one left — nothing is delivered twice.
  await h.db.update(deliveries).set({ status: "succeeded" }).where(eq(deliveries.replayId, first.replay.id));
  await getReplayProgress(deps, { id: first.replay.id });
  const second = await startReplay(deps, { endpointId: ep.id, includeMissed: true });
  expect(second.replay).toMatchObject({ total: 1, remaining: 0 });
  await h.db.update(deliveries).set({ status: "succeeded" }).where(eq(deliveries.replayId, second.replay.id));
  await getReplayProgress(deps, { id: second.replay.id });
  expect(await countReplayableDeliveries(deps, { endpointId: ep.id, includeMissed: true })).toMatchObject({
    count: 0,
    missed: 0,
    willReplay: 0,
  });
  const all = await h.db.select().from(deliveries).where(eq(deliveries.endpointId, ep.id));
  expect(new Set(all.map((d) => d.eventId)).size).toBe(all.length);
  expect(all).toHaveLength(3);
});

test("includeMissed ignores events from before the endpoint existed", async () => {
  const actor = await createActor(h.services);
  await ingestEvents({ db: h.db, actor: actor.actor, runner: recorder() }, { events: [sampleEvent("sms.dlr")] });
  await new Promise((r) => setTimeout(r, 5));
  const ep = await insertEndpoint(h.db, actor.accountId, "http://127.0.0.1:9/late");
  const deps = { db: h.db, actor: actor.actor, runner: recorder() };
  expect(
    await countReplayableDeliveries(deps, {
      endpointId: ep.id,
      includeMissed: true,
      since: new Date(Date.now() - 3600_000),
    }),
  ).toMatchObject({ missed: 0 });
});
