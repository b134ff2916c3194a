import { expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { deliveries } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { getOverview } from "@/server/overview/get-overview";
import { createActor } from "@/tests/helpers/actors";
import { setupIntegration } from "@/tests/helpers/integration";
import { insertEndpoint } from "@/tests/helpers/endpoints";

const h = setupIntegration();

const runner = { enqueue: async () => {} };

async function account() {
  const user = await createActor(h.services);
  return { userId: user.userId, accountId: user.accountId, role: "customer" } satisfies Actor;
}

test("the last 24 hours: events, deliveries by outcome, success rate, endpoints needing attention, oldest pending", async () => {
  const actor = await account();
  const ok = await insertEndpoint(h.db, actor.accountId, "http://127.0.0.1:9/ok");
  const failing = await insertEndpoint(h.db, actor.accountId, "http://127.0.0.1:9/failing", {
    description: "Order DLRs",
    consecutiveFailures: 6,
  });
  const disabled = await insertEndpoint(h.db, actor.accountId, "http://127.0.0.1:9/gone", {
    status: "disabled",
    disabledReason: "Endpoint returned 410 Gone",
  });
  for (let i = 0; i < 3; i++) await ingestEvents({ db: h.db, actor, runner }, sampleEvent("sms.dlr"));
  const rows = await h.db.select().from(deliveries).where(eq(deliveries.accountId, actor.accountId));
  expect(rows).toHaveLength(6); // 3 events × the 2 endpoints that are not disabled
  const [a, b, c] = rows.filter((r) => r.endpointId === ok.id);
  await h.db.update(deliveries).set({ status: "succeeded" }).where(eq(deliveries.id, a!.id));
  await h.db.update(deliveries).set({ status: "succeeded" }).where(eq(deliveries.id, b!.id));
  await h.db.update(deliveries).set({ status: "failed" }).where(eq(deliveries.id, c!.id));

  // Another account's activity never shows.
  const other = await account();
  await insertEndpoint(h.db, other.accountId, "http://127.0.0.1:9/theirs", { status: "disabled" });
  await ingestEvents({ db: h.db, actor: other, runner }, sampleEvent("sms.dlr"));

  const o = await getOverview({ db: h.db, actor });
  expect(o.events).toBe(3);
  expect(o.deliveries).toEqual({ total: 6, succeeded: 2, failed: 1, inFlight: 3, successRate: 2 / 3 });
  expect(o.attention.map((e) => [e.id, e.state])).toEqual([
    [disabled.id, "disabled"],
    [failing.id, "failing"],
  ]);
  expect(o.attention[0]).toMatchObject({ disabledReason: "Endpoint returned 410 Gone" });
  expect(o.attention[1]).toMatchObject({ failedInARow: 6, description: "Order DLRs" });
  const pending = rows.filter((r) => r.endpointId === failing.id).sort((x, y) => (x.id < y.id ? -1 : 1));
  expect(o.oldestPending).toMatchObject({ id: pending[0]!.id, endpointId: failing.id, status: "pending" });
  expect(o.throughput).toHaveLength(24);
});

test("a new account: zeros, nothing needing attention, no success rate", async () => {
  const o = await getOverview({ db: h.db, actor: await account() });
  expect(o).toMatchObject({
    events: 0,
    deliveries: { total: 0, successRate: null },
    attention: [],
    oldestPending: null,
  });
});
