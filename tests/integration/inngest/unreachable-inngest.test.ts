import { InngestTestEngine } from "@inngest/test";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { POST } from "@/app/api/v1/events/route";
import type { DbHandle } from "@/db/client";
import { deliveries, events } from "@/db/schema";
import { createApiKey } from "@/server/api-keys/create-api-key";
import type { Actor } from "@/server/auth/actor";
import { retryDelivery } from "@/server/delivery/commands/retry-delivery";
import { startReplay } from "@/server/delivery/replay/start-replay";
import { InngestRunner } from "@/server/delivery/runners/inngest-runner";
import { setEndpointStatus } from "@/server/endpoints/set-endpoint-status";
import { sampleEvent } from "@/server/events/catalog";
import { createInngestClient } from "@/server/inngest/client";
import { createSweepDeliveries } from "@/server/inngest/functions/sweep-deliveries";
import { closedPort, startBlackHole, type BlackHole } from "@/tests/helpers/black-hole";
import { createTestDb } from "@/tests/helpers/db";
import { insertAccount, insertDelivery } from "@/tests/helpers/deliveries";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { startFakeInngest } from "@/tests/helpers/fake-inngest";

let h: DbHandle;
let hole: BlackHole;
let refusedUrl: string;
beforeAll(async () => {
  h = await createTestDb();
  hole = await startBlackHole();
  refusedUrl = `http://127.0.0.1:${await closedPort()}/`;
});
afterAll(async () => {
  await hole.close();
  await h.close();
});

/** Everything these tests handed to the broken Inngest: the sweep must send all of it later. */
const handedOff: string[] = [];

async function setup() {
  const accountId = await insertAccount(h.db);
  const actor: Actor = { userId: "usr_test", accountId, role: "customer" };
  const { key } = await createApiKey({ db: h.db, actor }, { name: "test" });
  const ep = await insertEndpoint(h.db, accountId, "http://127.0.0.1:9/hook");
  return { accountId, actor, key, ep };
}

describe.each([
  ["unreachable (connection refused)", () => refusedUrl],
  ["black-holed (accepts, never answers)", () => hole.url],
])("Inngest %s", (_name, inngestUrl) => {
  const runner = () => new InngestRunner(createInngestClient({ baseUrl: inngestUrl() }), h.db);

  test("ingestion answers 202 within 2 s; the events and deliveries are stored, unmarked for the sweep", async () => {
    const { key } = await setup();
    const started = Date.now();
    const res = await POST.with({ db: h.db, runner: runner() })(
      new Request("http://localhost:3000/api/v1/events", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ events: [sampleEvent("sms.dlr"), sampleEvent("sms.dlr")] }),
      }),
    );
    const elapsed = Date.now() - started;
    expect(res.status).toBe(202);
    expect(elapsed).toBeLessThan(2000);
    const { ids } = (await res.json()) as { ids: string[] };
    expect(await h.db.select().from(events).where(inArray(events.id, ids))).toHaveLength(2);
    const rows = await h.db.select().from(deliveries).where(inArray(deliveries.eventId, ids));
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r).toMatchObject({ status: "pending", enqueuedAt: null });
    handedOff.push(...rows.map((r) => r.id));
  });

  test("retry, replay and resume still succeed for the user, promptly; their deliveries wait for the sweep", async () => {
    const { actor, accountId, ep } = await setup();
    const failed = await insertDelivery(h.db, accountId, ep.id, { status: "failed", attempts: 8 });
    const forReplay = await insertDelivery(h.db, accountId, ep.id, { status: "failed", attempts: 8 });

    let started = Date.now();
    await expect(retryDelivery({ db: h.db, actor, runner: runner() }, { id: failed.id })).resolves.toMatchObject({
      status: "pending",
    });
    expect(Date.now() - started).toBeLessThan(2000);

    started = Date.now();
    const replay = await startReplay({ db: h.db, actor, runner: runner() }, { endpointId: ep.id });
    expect(replay.started).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);

    await setEndpointStatus({ db: h.db, actor, runner: runner() }, { id: ep.id, status: "paused" });
    started = Date.now();
    await setEndpointStatus({ db: h.db, actor, runner: runner() }, { id: ep.id, status: "active" });
    expect(Date.now() - started).toBeLessThan(2000);

    for (const id of [failed.id, forReplay.id]) {
      const [row] = await h.db.select().from(deliveries).where(eq(deliveries.id, id));
      expect(row).toMatchObject({ status: "pending", nextTrigger: "manual", enqueuedAt: null });
    }
    handedOff.push(failed.id, forReplay.id);
  });
});

test("nothing is lost: once Inngest answers, the sweep sends every delivery whose hand-off failed", async () => {
  expect(handedOff).toHaveLength(8);
  const fake = await startFakeInngest();
  try {
    const sweep = createSweepDeliveries({
      getDbFn: async () => h.db,
      client: createInngestClient({ baseUrl: fake.url }),
      overdueMs: 0, // instead of waiting five minutes
    });
    await new InngestTestEngine({ function: sweep }).execute();
    const sent = new Set(fake.events.map((e) => e.data.deliveryId));
    for (const id of handedOff) expect(sent).toContain(id);
  } finally {
    await fake.close();
  }
});
