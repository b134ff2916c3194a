import { expect, test } from "vitest";
import { deliveryAttempts, endpoints } from "@/db/schema";
import { getEndpointHealth } from "@/server/health/get-endpoint-health";
import { newId } from "@/server/lib/ids";
import { setupIntegration } from "@/tests/helpers/integration";
import { createActor } from "@/tests/helpers/actors";

const h = setupIntegration();

async function endpointFor(accountId: string) {
  const id = newId("ep");
  await h.db.insert(endpoints).values({
    id,
    accountId,
    product: "sms",
    reportType: "dlr",
    eventTypes: ["sms.dlr"],
    method: "JSON",
    payloadFormat: "envelope",
    url: "http://127.0.0.1:9/hook",
    secretEnc: "v1.x.y.z",
  });
  return id;
}

async function attempt(
  accountId: string,
  endpointId: string,
  at: Date,
  status: number | null,
  durationMs: number,
  trigger: "scheduled" | "test" = "scheduled",
) {
  await h.db.insert(deliveryAttempts).values({
    id: newId("att"),
    accountId,
    endpointId,
    attemptNumber: 1,
    trigger,
    request: { method: "POST", url: "http://x", headers: {}, body: "{}" },
    responseStatus: status,
    durationMs,
    errorClass: status && status < 300 ? null : status ? "http_status" : "timeout",
    createdAt: at,
  });
}

test("success rate, p50/p95 and hourly buckets from known attempts; tests and other accounts excluded", async () => {
  const a = await createActor(h.services);
  const b = await createActor(h.services);
  const ep = await endpointFor(a.accountId);
  const other = await endpointFor(b.accountId);
  const now = new Date("2026-11-22T12:30:00Z");
  const hourAgo = new Date("2026-11-22T11:10:00Z");
  for (const d of [10, 20, 30, 40]) await attempt(a.accountId, ep, hourAgo, 200, d);
  await attempt(a.accountId, ep, new Date("2026-11-22T12:05:00Z"), 500, 100);
  await attempt(a.accountId, ep, new Date("2026-11-22T12:06:00Z"), null, 5000);
  await attempt(a.accountId, ep, new Date("2026-11-22T12:07:00Z"), 200, 1, "test");
  await attempt(a.accountId, ep, new Date("2026-11-20T12:07:00Z"), 200, 1); // outside 24 h
  await attempt(b.accountId, other, hourAgo, 500, 1);

  const [health] = await getEndpointHealth({ db: h.db, actor: a.actor }, { range: "24h" }, now);
  expect(health!.endpointId).toBe(ep);
  expect(health!.summary).toMatchObject({ attempts: 6, succeeded: 4, failed: 2 });
  expect(health!.summary.successRate).toBeCloseTo(4 / 6);
  expect(health!.summary.p50Ms).toBe(35); // median of 10,20,30,40,100,5000
  expect(health!.buckets).toHaveLength(24);
  const b11 = health!.buckets.find((x) => x.start.toISOString() === "2026-11-22T11:00:00.000Z")!;
  expect(b11).toMatchObject({ attempts: 4, succeeded: 4, failed: 0, p50Ms: 25 });
  const b12 = health!.buckets.at(-1)!;
  expect(b12).toMatchObject({ start: new Date("2026-11-22T12:00:00Z"), attempts: 2, succeeded: 0, failed: 2 });

  // The other account's endpoint is invisible, even when asked for by id.
  expect(await getEndpointHealth({ db: h.db, actor: a.actor }, { range: "24h", endpointIds: [other] }, now)).toEqual(
    [],
  );
});

test("an endpoint with no attempts has empty buckets and no rate", async () => {
  const a = await createActor(h.services);
  await endpointFor(a.accountId);
  const [health] = await getEndpointHealth(
    { db: h.db, actor: a.actor },
    { range: "7d" },
    new Date("2026-11-22T12:30:00Z"),
  );
  expect(health!.summary).toEqual({
    attempts: 0,
    succeeded: 0,
    failed: 0,
    successRate: null,
    p50Ms: null,
    p95Ms: null,
  });
  expect(health!.buckets).toHaveLength(28);
  expect(health!.buckets.every((b) => b.attempts === 0)).toBe(true);
});
