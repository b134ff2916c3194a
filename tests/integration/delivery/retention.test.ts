import { InngestTestEngine } from "@inngest/test";
import { expect, test } from "vitest";
import { deliveryAttempts, rateLimits } from "@/db/schema";
import { getEnv } from "@/server/env";
import { createPruneOldAttempts } from "@/server/inngest/functions/prune-old-attempts";
import { newId } from "@/server/lib/ids";
import { pruneExpiredData } from "@/server/maintenance/prune-expired-data";
import { createActor } from "@/tests/helpers/actors";
import { setupIntegration } from "@/tests/helpers/integration";
import { insertEndpoint } from "@/tests/helpers/endpoints";

const h = setupIntegration();

const daysAgo = (d: number) => new Date(Date.now() - d * 24 * 3600_000);

async function seedAttempts(ages: number[]) {
  const a = await createActor(h.services);
  const ep = await insertEndpoint(h.db, a.accountId, "http://127.0.0.1:9/hook");
  const ids = new Map<number, string[]>();
  for (const age of ages) {
    const id = newId("att");
    await h.db.insert(deliveryAttempts).values({
      id,
      accountId: a.accountId,
      endpointId: ep.id,
      attemptNumber: 1,
      trigger: "scheduled",
      request: { method: "POST", url: "http://x", headers: {}, body: "{}" },
      responseStatus: 200,
      durationMs: 5,
      createdAt: daysAgo(age),
    });
    ids.set(age, [...(ids.get(age) ?? []), id]);
  }
  return ids;
}

const remaining = async () =>
  new Set((await h.db.select({ id: deliveryAttempts.id }).from(deliveryAttempts)).map((r) => r.id));

test("pruning deletes only attempts older than the cut-off, in batches", async () => {
  await h.db.delete(deliveryAttempts);
  const ids = await seedAttempts([45, 40, 31, 31, 31, 29, 1, 0]);
  const deleted = await pruneExpiredData(h.db, 30, { batchSize: 2 });
  expect(deleted.attempts).toBe(5);
  const left = await remaining();
  expect([...left].sort()).toEqual([...ids.get(29)!, ...ids.get(1)!, ...ids.get(0)!].sort());
  expect((await pruneExpiredData(h.db, 30, { batchSize: 2 })).attempts).toBe(0);
});

test("the Inngest cron prunes with RETENTION_DAYS (default 30), and rate-limit buckets that are full again", async () => {
  await h.db.delete(deliveryAttempts);
  expect(getEnv().RETENTION_DAYS).toBe(30);
  const ids = await seedAttempts([60, 30.5, 29.5, 2]);
  await h.db.insert(rateLimits).values([
    { key: "signin:email:stale@example.test", tat: daysAgo(1) },
    { key: "signin:email:fresh@example.test", tat: new Date(Date.now() + 60_000) },
  ]);
  const engine = new InngestTestEngine({ function: createPruneOldAttempts({ getDbFn: async () => h.db }) });
  const { result } = await engine.execute();
  expect(result).toEqual({ attempts: 2, events: 0, rateLimits: 1 });
  expect([...(await remaining())].sort()).toEqual([...ids.get(29.5)!, ...ids.get(2)!].sort());
  expect((await h.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key)).toEqual([
    "signin:email:fresh@example.test",
  ]);
});
