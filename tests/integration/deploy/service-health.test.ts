import { sql } from "drizzle-orm";
import { expect, test } from "vitest";
import journal from "@/db/migrations/meta/_journal.json";
import { openDb } from "@/db/client";
import { parkEndpointBacklog } from "@/server/delivery/engine/park";
import { checkServiceHealth } from "@/server/health/check-service-health";
import { closedPort, startBlackHole } from "@/tests/helpers/black-hole";
import { insertAccount, insertDelivery } from "@/tests/helpers/deliveries";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";

const h = setupIntegration();

const secondsAgo = (s: number) => new Date(Date.now() - s * 1000);

test("a reachable, migrated database: ok, with the oldest due delivery's age (paused endpoints' waits not counted)", async () => {
  const accountId = await insertAccount(h.db);
  const active = await insertEndpoint(h.db, accountId, "http://127.0.0.1:9/hook");
  const paused = await insertEndpoint(h.db, accountId, "http://127.0.0.1:9/hook", { status: "paused" });
  await insertDelivery(h.db, accountId, paused.id, { nextAttemptAt: secondsAgo(3600) });
  await parkEndpointBacklog(h.db, paused.id); // what pausing does
  await insertDelivery(h.db, accountId, active.id, { nextAttemptAt: secondsAgo(90), status: "retrying" });
  await insertDelivery(h.db, accountId, active.id, { nextAttemptAt: secondsAgo(30) });
  await insertDelivery(h.db, accountId, active.id, { nextAttemptAt: secondsAgo(600), status: "succeeded" });

  const health = await checkServiceHealth({ getHandle: async () => h.handle, runner: "inngest" });
  expect(health).toMatchObject({
    status: "ok",
    database: { reachable: true, driver: h.handle.driver },
    migrations: { current: true, applied: journal.entries.length, expected: journal.entries.length, pending: [] },
    runner: "inngest",
  });
  expect(health.oldestDueDeliveryAgeSeconds).toBeGreaterThanOrEqual(89);
  expect(health.oldestDueDeliveryAgeSeconds).toBeLessThan(120);
});

test("a database that refuses connections: down, quickly, without its address in the answer", async () => {
  const port = await closedPort();
  const down = await openDb({ url: `postgres://postgres@127.0.0.1:${port}/hookline`, migrate: false });
  try {
    const started = Date.now();
    const health = await checkServiceHealth({ getHandle: async () => down, runner: "local" });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(health).toMatchObject({ status: "down", database: { reachable: false, error: "connection refused" } });
    expect(JSON.stringify(health)).not.toContain(String(port));
  } finally {
    await down.close();
  }
});

test("a database that never answers: down after the timeout, not hanging the check", async () => {
  const hole = await startBlackHole();
  const hung = await openDb({ url: `postgres://postgres@127.0.0.1:${hole.port}/hookline`, migrate: false });
  try {
    const started = Date.now();
    const health = await checkServiceHealth({ getHandle: async () => hung, runner: "local", timeoutMs: 500 });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(health).toMatchObject({ status: "down", database: { reachable: false, error: "timed out" } });
  } finally {
    void hung.close();
    await hole.close();
  }
});

test("GET /api/health answers 200 with the runner in use", async () => {
  const { GET } = await import("@/app/api/health/route");
  const res = await GET();
  expect(res.status).toBe(200);
  expect(res.headers.get("cache-control")).toBe("no-store");
  const body = (await res.json()) as { status: string; runner: string; migrations: { current: boolean } };
  expect(body).toMatchObject({ status: "ok", runner: "local", migrations: { current: true } });
});

// Last: it takes the latest migration's record away from the file's database.
test("a database that lacks this build's latest migration (deployed before db:migrate): degraded, naming it", async () => {
  const latest = journal.entries.at(-1)!;
  await h.db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = ${latest.when}`);
  const health = await checkServiceHealth({ getHandle: async () => h.handle, runner: "local" });
  expect(health).toMatchObject({
    status: "degraded",
    database: { reachable: true },
    migrations: { current: false, applied: journal.entries.length - 1, pending: [latest.tag] },
    oldestDueDeliveryAgeSeconds: null,
  });
});
