import { expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { deliveryAttempts, endpoints } from "@/db/schema";
import { getHealthDashboard } from "@/server/health/get-health-dashboard";
import { newId } from "@/server/lib/ids";
import { createActor } from "@/tests/helpers/actors";
import { setupIntegration } from "@/tests/helpers/integration";
import { insertEndpoint } from "@/tests/helpers/endpoints";

const h = setupIntegration();

async function attempt(
  accountId: string,
  endpointId: string,
  at: Date,
  status: number | null,
  trigger: "scheduled" | "manual" | "test" = "scheduled",
) {
  await h.db.insert(deliveryAttempts).values({
    id: newId("att"),
    accountId,
    endpointId,
    attemptNumber: 1,
    trigger,
    request: { method: "POST", url: "http://x", headers: {}, body: "{}" },
    responseStatus: status,
    durationMs: 12,
    errorClass: status && status < 300 ? null : status ? "http_status" : "timeout",
    createdAt: at,
  });
}

async function setStreak(endpointId: string, n: number) {
  await h.db.update(endpoints).set({ consecutiveFailures: n }).where(eq(endpoints.id, endpointId));
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

test("the failure count is the endpoint's failed deliveries in a row (the disable counter); warns from 5", async () => {
  const a = await createActor(h.services);
  const ep = await insertEndpoint(h.db, a.accountId, "http://127.0.0.1:9/hook");
  await attempt(a.accountId, ep.id, minutesAgo(60), 200);
  // Many failed attempts, but only 4 deliveries have used up their retries.
  for (let i = 0; i < 12; i++) await attempt(a.accountId, ep.id, minutesAgo(50 - i), 500);
  await setStreak(ep.id, 4);

  let detail = await a.caller.health.endpoint({ endpointId: ep.id, range: "24h" });
  expect(detail.failedInARow).toBe(4);
  expect(detail.thresholds).toEqual({ warnAfter: 5, disableAfter: 20 });
  expect(detail.summary).toMatchObject({ attempts: 13, succeeded: 1, failed: 12 });

  await setStreak(ep.id, 5);
  detail = await a.caller.health.endpoint({ endpointId: ep.id, range: "24h" });
  expect(detail.failedInARow).toBe(5);
  // The banner's cheaper query, the dashboard and the endpoint view agree.
  expect(await a.caller.health.streak({ endpointId: ep.id })).toMatchObject({ failedInARow: 5 });
  const dash = await a.caller.health.dashboard({ range: "24h" });
  expect(dash.items[0]).toMatchObject({ failedInARow: 5, attention: "failing" });
  expect((await a.caller.endpoints.get({ id: ep.id })).consecutiveFailures).toBe(5);
  expect(detail.lastSuccessAt).toBeInstanceOf(Date);
  expect(detail.lastAttemptAt!.getTime()).toBeGreaterThan(detail.lastSuccessAt!.getTime());
});

test("another account's endpoint is NOT_FOUND, and its attempts never count", async () => {
  const a = await createActor(h.services);
  const b = await createActor(h.services);
  const theirs = await insertEndpoint(h.db, b.accountId, "http://127.0.0.1:9/theirs");
  await attempt(b.accountId, theirs.id, minutesAgo(5), 500);
  await expect(a.caller.health.endpoint({ endpointId: theirs.id, range: "24h" })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  await expect(a.caller.health.streak({ endpointId: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  const dash = await a.caller.health.dashboard({ range: "7d" });
  expect(dash.items).toEqual([]);
  expect(dash.totals).toMatchObject({ endpoints: 0, attempts: 0, successRate: null });
});

test("the dashboard lists every endpoint, the ones needing attention first, with totals", async () => {
  const a = await createActor(h.services);
  const healthy = await insertEndpoint(h.db, a.accountId, "http://127.0.0.1:9/ok");
  const failing = await insertEndpoint(h.db, a.accountId, "http://127.0.0.1:9/failing");
  const disabled = await insertEndpoint(h.db, a.accountId, "http://127.0.0.1:9/gone", {
    status: "disabled",
    disabledReason: "Endpoint returned 410 Gone",
  });
  for (let i = 0; i < 3; i++) await attempt(a.accountId, healthy.id, minutesAgo(10 + i), 200);
  for (let i = 0; i < 6; i++) await attempt(a.accountId, failing.id, minutesAgo(10 + i), 503);
  await setStreak(failing.id, 6);
  await attempt(a.accountId, disabled.id, minutesAgo(9), 410);

  const dash = await getHealthDashboard({ db: h.db, actor: a.actor }, { range: "24h" });
  expect(dash.items.map((i) => [i.endpoint.id, i.attention])).toEqual([
    [disabled.id, "disabled"],
    [failing.id, "failing"],
    [healthy.id, null],
  ]);
  expect(dash.items[1]!.failedInARow).toBe(6);
  expect(dash.totals).toMatchObject({ endpoints: 3, attempts: 10, succeeded: 3, failed: 7, needAttention: 2 });
  expect(dash.totals.successRate).toBeCloseTo(0.3);
  expect(dash.items[2]!.buckets).toHaveLength(24);
  expect(dash.items[2]!.buckets.reduce((n, b) => n + b.succeeded, 0)).toBe(3);
});

test("bad input is a clear BAD_REQUEST", async () => {
  const a = await createActor(h.services);
  await expect(a.caller.health.dashboard({ range: "1y" as "24h" })).rejects.toMatchObject({
    code: "BAD_REQUEST",
    message: expect.stringContaining("24h or 7d"),
  });
});
