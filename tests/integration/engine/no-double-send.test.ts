import { count, eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { deliveries, deliveryAttempts } from "@/db/schema";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";

const h = setupIntegration();

test("starved runners holding work past the lease length: every webhook-id arrives once", async () => {
  const receiver = await h.startReceiver();
  receiver.respondWith({ status: 200, body: "ok", delayMs: 250 });
  const me = await createActor(h.services);
  await insertEndpoint(h.db, me.accountId, receiver.url);
  const N = 5000;
  const parked = h.newRunner();
  for (let i = 0; i < N; i += 1000)
    await ingestEvents(
      { db: h.db, actor: me.actor, runner: parked },
      { events: Array.from({ length: 1000 }, () => sampleEvent("sms.dlr")) },
    );
  // Two runners (two owners, as two processes would be) with a 2 s lease, each sending 20 at a
  // time (250 ms each, 80/s) while holding up to 180 claimed (an account's places): what they
  // claim waits ~2.25 s in memory, past its lease — only the renewals keep the other runner from
  // taking it over and sending it again. (A renewal must come back within the lease less its
  // safety margin: with a 1 s lease, a loaded machine's database queue alone took longer.)
  const options = {
    idlePollMs: 50,
    leaseMs: 2000,
    concurrency: 20,
    perEndpoint: 20,
    attempt: { allowPrivateNetworks: true },
  };
  const runners = [h.startRunner(options), h.startRunner(options)];
  await receiver.waitFor(N, 200_000);
  await new Promise((r) => setTimeout(r, 1000)); // a duplicate would arrive now
  for (const r of runners) await r.stop();

  const ids = receiver.requests.map((q) => q.headers["webhook-id"]);
  expect(new Set(ids).size).toBe(N);
  expect(ids).toHaveLength(N);
  const [{ n }] = (await h.db
    .select({ n: count() })
    .from(deliveryAttempts)
    .where(eq(deliveryAttempts.accountId, me.accountId))) as [{ n: number }];
  expect(Number(n)).toBe(N);
  const open = await h.db.select({ id: deliveries.id }).from(deliveries).where(eq(deliveries.status, "pending"));
  expect(open).toHaveLength(0);
}, 280_000);
