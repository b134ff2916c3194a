import { InngestTestEngine } from "@inngest/test";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as eventsRoute from "@/app/api/v1/events/route";
import { deliveries, events } from "@/db/schema";
import { createApiKey } from "@/server/api-keys/create-api-key";
import { retryDelivery } from "@/server/delivery/commands/retry-delivery";
import { startReplay } from "@/server/delivery/replay/start-replay";
import { InngestRunner } from "@/server/delivery/runners/inngest-runner";
import { setEndpointStatus } from "@/server/endpoints/set-endpoint-status";
import { sampleEvent } from "@/server/events/catalog";
import { createInngestClient } from "@/server/inngest/client";
import { createSweepDeliveries } from "@/server/inngest/functions/sweep-deliveries";
import { closedPort, startBlackHole, type BlackHole } from "@/tests/helpers/black-hole";
import { createActor } from "@/tests/helpers/actors";
import { insertDelivery } from "@/tests/helpers/deliveries";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { startFakeInngest } from "@/tests/helpers/fake-inngest";
import { setupIntegration } from "@/tests/helpers/integration";
import { restClient } from "@/tests/helpers/rest-client";

const h = setupIntegration();
let hole: BlackHole;
let refusedUrl: string;
beforeAll(async () => {
  hole = await startBlackHole();
  refusedUrl = `http://127.0.0.1:${await closedPort()}/`;
});
afterAll(() => hole.close());

/** Everything these tests handed to the broken Inngest: the sweep must send all of it later. */
const handedOff: string[] = [];

async function setup() {
  const { actor } = await createActor(h.services);
  const { key } = await createApiKey({ db: h.db, actor }, { name: "test" });
  const ep = await insertEndpoint(h.db, actor.accountId, "http://127.0.0.1:9/hook");
  return { accountId: actor.accountId, actor, key, ep };
}

describe.each([
  ["unreachable (connection refused)", () => refusedUrl],
  ["black-holed (accepts, never answers)", () => hole.url],
])("Inngest %s", (_name, inngestUrl) => {
  const runner = () => new InngestRunner(createInngestClient({ baseUrl: inngestUrl() }), h.db);

  test("ingestion answers 202 within 2 s; the events and deliveries are stored, unmarked for the sweep", async () => {
    const { key } = await setup();
    const { call } = restClient({ db: h.db, runner: runner() });
    const started = Date.now();
    const res = await call(
      eventsRoute.POST,
      "POST",
      {},
      {
        key,
        json: { events: [sampleEvent("sms.dlr"), sampleEvent("sms.dlr")] },
        path: "/api/v1/events",
      },
    );
    const elapsed = Date.now() - started;
    expect(res.status).toBe(202);
    expect(elapsed).toBeLessThan(2000);
    const { ids } = res.data as { ids: string[] };
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
