import { beforeAll, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import * as item from "@/app/api/v1/endpoints/[id]/route";
import { deliveryAttempts, endpointThrottles } from "@/db/schema";
import { createApiKey } from "@/server/api-keys/create-api-key";
import { claimByIds } from "@/server/delivery/engine/claim-batch";
import { recordThrottleSignals } from "@/server/delivery/throttle/record-throttle-signals";
import type { ThrottleSignal } from "@/server/delivery/throttle/throttle-signals";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { newId } from "@/server/lib/ids";
import { getEndpointHealthDetail } from "@/server/health/get-endpoint-health-detail";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";
import { restClient } from "@/tests/helpers/rest-client";

/**
 * The adaptive throttling state machine, fed runner reports with chosen timestamps (the AIMD
 * arithmetic, the once-a-second pacing of changes, Retry-After, latency, recovery), and what the
 * owner sees of it over REST and on the Health tab.
 */
const h = setupIntegration();
const { call } = restClient(() => h.services);
let me: Awaited<ReturnType<typeof createActor>>;
let key: string;
beforeAll(async () => {
  me = await createActor(h.services);
  key = (await createApiKey({ db: h.db, actor: me.actor }, { name: "throttle" })).key;
});

const T0 = Date.parse("2026-11-30T14:02:00Z");
const signal = (endpointId: string, ms: number, s: Partial<ThrottleSignal>): ThrottleSignal => ({
  endpoint_id: endpointId,
  at: new Date(T0 + ms).toISOString(),
  sent: 0,
  ok: 0,
  refused: 0,
  refusal_status: null,
  retry_after_ms: null,
  ok_median_ms: null,
  ...s,
});

async function state(endpointId: string) {
  const [row] = await h.db.select().from(endpointThrottles).where(eq(endpointThrottles.endpointId, endpointId));
  return row!;
}

test("429s halve the rate (or cut it to what was accepted), at most once a second; health raises it gently near the capacity, then by a tenth of the limit, until throttling ends", async () => {
  const ep = await insertEndpoint(h.db, me.accountId, "http://127.0.0.1:9/x", { rateLimitPerSecond: 50 });
  const report = (ms: number, s: Partial<ThrottleSignal>) => recordThrottleSignals(h.db, [signal(ep.id, ms, s)]);

  await report(0, { sent: 50, ok: 20, refused: 30, refusal_status: 429, ok_median_ms: 20 });
  let s = await state(ep.id);
  expect(s.rate).toBe(25); // half of 50 (90 % of the 20 accepted would be less than half)
  expect(s.reason).toBe("429 Too Many Requests");
  expect(s.capacity).toBe(20);
  expect(s.ceiling).toBe(50);

  await report(500, { sent: 12, ok: 10, refused: 2, refusal_status: 429, ok_median_ms: 20 });
  expect((await state(ep.id)).rate).toBe(25); // sent before the cut took effect: not counted twice

  await report(1100, { sent: 25, ok: 20, refused: 5, refusal_status: 429, ok_median_ms: 20 });
  expect((await state(ep.id)).rate).toBe(18); // 90 % of the 20 accepted

  // Used but quiet (a few sends a second): not raised.
  await report(2100, { sent: 5, ok: 5, ok_median_ms: 20 });
  expect((await state(ep.id)).rate).toBe(18);
  const rates: number[] = [];
  for (let i = 2; i <= 13; i++) {
    const sent = Math.ceil((await state(ep.id)).rate! * 0.9); // what pacing lets out at that rate
    await report(1100 + i * 1000, { sent, ok: sent, ok_median_ms: 20 });
    rates.push((await state(ep.id)).rate ?? 50);
    if (rates.at(-1) === 50) break;
  }
  // +1/s while near the 20/s it accepted, then +5/s (a tenth of the limit), ending at the limit.
  expect(rates.slice(0, 5)).toEqual([19, 20, 21, 22, 27]);
  expect(rates.at(-1)).toBe(50);
  s = await state(ep.id);
  expect(s.rate).toBeNull();
  expect(s.recoveredAt).not.toBeNull();
  expect(s.ceiling).toBeNull();
});

test("a decrease may follow a raise at once (another process's refusals are not held off a second), but not another decrease", async () => {
  const ep = await insertEndpoint(h.db, me.accountId, "http://127.0.0.1:9/x", { rateLimitPerSecond: 50 });
  const report = (ms: number, s: Partial<ThrottleSignal>) => recordThrottleSignals(h.db, [signal(ep.id, ms, s)]);

  await report(0, { sent: 50, ok: 20, refused: 30, refusal_status: 429, ok_median_ms: 20 });
  expect((await state(ep.id)).rate).toBe(25);
  await report(1100, { sent: 23, ok: 23, ok_median_ms: 20 }); // one process: healthy and used
  expect((await state(ep.id)).rate).toBe(30);
  await report(1400, { sent: 23, ok: 20, refused: 3, refusal_status: 429, ok_median_ms: 20 }); // the other: refused
  const s = await state(ep.id);
  expect(s.rate).toBe(18); // 90 % of the 20 accepted, 300 ms after the raise
  expect(s.slowedAt?.getTime()).toBe(T0 + 1400);
  await report(1700, { sent: 10, ok: 8, refused: 2, refusal_status: 429, ok_median_ms: 20 });
  expect((await state(ep.id)).rate).toBe(18); // sent before that cut took effect: not counted twice
});

test("a report whose attempts are already recorded counts them once: the cut goes to 90 % of what was accepted", async () => {
  const ep = await insertEndpoint(h.db, me.accountId, "http://127.0.0.1:9/x", { rateLimitPerSecond: 50 });
  // As in the runner: the attempts are recorded (batched, within milliseconds), then reported.
  const recordAndReport = async (ok: number, refused: number) => {
    const now = new Date();
    await h.db.insert(deliveryAttempts).values(
      Array.from({ length: ok + refused }, (_, i) => ({
        id: newId("att"),
        accountId: me.accountId,
        endpointId: ep.id,
        deliveryId: null,
        attemptNumber: 1,
        trigger: "scheduled" as const,
        request: { method: "POST" as const, url: "http://127.0.0.1:9/x", headers: {}, body: "{}" },
        responseStatus: i < ok ? 200 : 429,
        durationMs: 5,
        errorClass: i < ok ? null : ("http_status" as const),
        createdAt: new Date(now.getTime() - 500 + i),
      })),
    );
    const at = new Date(now.getTime() + 1).toISOString();
    await recordThrottleSignals(h.db, [
      { ...signal(ep.id, 0, {}), at, sent: ok + refused, ok, refused, refusal_status: 429, ok_median_ms: 20 },
    ]);
  };

  await recordAndReport(20, 30);
  expect((await state(ep.id)).rate).toBe(25); // half of the 50 sent
  await h.db
    .update(endpointThrottles)
    .set({ changedAt: new Date(Date.now() - 1100) })
    .where(eq(endpointThrottles.endpointId, ep.id));
  await h.db.delete(deliveryAttempts).where(eq(deliveryAttempts.endpointId, ep.id)); // a second later
  await recordAndReport(20, 5);
  expect((await state(ep.id)).rate).toBe(18); // 90 % of the 20 accepted (counted twice: 36, so 22.5)
});

test("a throttled endpoint that stays healthy but quiet for a minute is no longer throttled", async () => {
  const ep = await insertEndpoint(h.db, me.accountId, "http://127.0.0.1:9/q", { rateLimitPerSecond: 30 });
  const report = (ms: number, s: Partial<ThrottleSignal>) => recordThrottleSignals(h.db, [signal(ep.id, ms, s)]);
  await report(0, { sent: 30, ok: 10, refused: 20, refusal_status: 429 });
  expect((await state(ep.id)).rate).toBe(15);
  await report(30_000, { sent: 2, ok: 2, ok_median_ms: 20 });
  expect((await state(ep.id)).rate).toBe(15);
  await report(61_000, { sent: 2, ok: 2, ok_median_ms: 20 });
  const s = await state(ep.id);
  expect(s.rate).toBeNull();
  expect(s.recoveredAt?.toISOString()).toBe(new Date(T0 + 61_000).toISOString());
});

test("Retry-After holds the rate where it is until then; a 503 slows it too", async () => {
  const ep = await insertEndpoint(h.db, me.accountId, "http://127.0.0.1:9/y", { rateLimitPerSecond: 10 });
  const report = (ms: number, s: Partial<ThrottleSignal>) => recordThrottleSignals(h.db, [signal(ep.id, ms, s)]);
  await report(0, { sent: 10, refused: 10, refusal_status: 503, retry_after_ms: 30_000 });
  const s = await state(ep.id);
  expect(s.rate).toBe(5);
  expect(s.reason).toBe("503 Service Unavailable (Retry-After 30 s)");
  expect(s.holdUntil?.toISOString()).toBe(new Date(T0 + 30_000).toISOString());
  await report(5000, { sent: 5, ok: 5, ok_median_ms: 20 });
  expect((await state(ep.id)).rate).toBe(5); // still held
  await report(31_000, { sent: 5, ok: 5, ok_median_ms: 20 });
  expect((await state(ep.id)).rate).toBe(6);
});

test("responses far slower than the endpoint's usual time slow it down; unlimited endpoints get a ceiling of what they were sending", async () => {
  const ep = await insertEndpoint(h.db, me.accountId, "http://127.0.0.1:9/z");
  const report = (ms: number, s: Partial<ThrottleSignal>) => recordThrottleSignals(h.db, [signal(ep.id, ms, s)]);
  for (let i = 0; i < 7; i++) await report(i * 100, { sent: 40, ok: 40, ok_median_ms: 20 });
  expect((await state(ep.id)).rate).toBeNull();
  expect((await state(ep.id)).p50Ms).toBeCloseTo(20);
  await report(1000, { sent: 40, ok: 40, ok_median_ms: 2400 });
  const s = await state(ep.id);
  expect(s.rate).toBe(36); // 90 % of the 40 it was sending and that were accepted
  expect(s.ceiling).toBe(40);
  expect(s.reason).toBe("responses taking 2400 ms (usually 20 ms)");
});

test("what the owner sees: GET /api/v1/endpoints/{id} and the Health tab give the rate and why; claims send at it", async () => {
  const ep = await insertEndpoint(h.db, me.accountId, "http://127.0.0.1:9/w", { rateLimitPerSecond: 40 });
  await recordThrottleSignals(h.db, [signal(ep.id, 0, { sent: 40, ok: 12, refused: 28, refusal_status: 429 })]);

  const res = await call(item.GET, "GET", { id: ep.id }, { key });
  expect(res.status).toBe(200);
  expect(res.data.adaptiveThrottle).toBe(true);
  expect(res.data.throttle).toMatchObject({
    state: "slowed",
    currentRate: 20,
    rateLimitPerSecond: 40,
    reason: "429 Too Many Requests",
    lastRefusalStatus: 429,
    summary: "Slowed to 20/s after 429 Too Many Requests at 14:02 UTC.",
  });
  const health = await getEndpointHealthDetail({ db: h.db, actor: me.actor }, { endpointId: ep.id, range: "24h" });
  expect(health.throttle.summary).toBe(res.data.throttle.summary);

  // Every runner reads the one rate with its claim.
  const { ids } = (await ingestEvents({ ...h.services, actor: me.actor }, { events: [sampleEvent("sms.dlr")] })) as {
    ids: string[];
  };
  expect(ids).toHaveLength(1);
  const [claimed] = await claimByIds(
    h.db,
    (await h.db.query.deliveries.findMany({ where: (d, { eq: is }) => is(d.endpointId, ep.id) })).map((d) => d.id),
    {
      owner: "test",
      leaseMs: 10_000,
      limit: 10,
      free: new Map(),
      perEndpoint: 10,
      accountFree: new Map(),
      perAccount: 10,
      rateHorizonSeconds: 1,
    },
  );
  expect(claimed?.endpoint.rateLimitPerSecond).toBe(20);

  // Off: the configured rate applies whatever the state says.
  await call(item.PATCH, "PATCH", { id: ep.id }, { key, json: { adaptiveThrottle: false } });
  const off = await call(item.GET, "GET", { id: ep.id }, { key });
  expect(off.data.throttle.state).toBe("off");
  expect(off.data.throttle.currentRate).toBeNull();
});
