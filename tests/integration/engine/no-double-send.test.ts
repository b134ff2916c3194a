import { count, eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { deliveries, deliveryAttempts } from "@/db/schema";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";

const h = setupIntegration();

test("starved runners holding work far past the lease length: every webhook-id arrives once", async () => {
  const receiver = await h.startReceiver();
  receiver.respondWith({ status: 200, body: "ok", delayMs: 100 });
  const me = await createActor(h.services);
  await insertEndpoint(h.db, me.accountId, receiver.url);
  const N = 300;
  const parked = h.newRunner();
  await ingestEvents(
    { db: h.db, actor: me.actor, runner: parked },
    { events: Array.from({ length: N }, () => sampleEvent("sms.dlr")) },
  );
  // Two runners (two owners, as two processes would be) with a 2 s lease, each sending one
  // request at a time (100 ms) while holding up to 30 claimed: what they claim waits in memory
  // ~3 s, past its lease — only the renewals keep the other runner from taking it over and
  // sending it again. (A renewal must come back within the lease less its safety margin: with a
  // 1 s lease, a loaded machine's database queue alone took longer, and the test measured that.)
  const options = {
    idlePollMs: 50,
    leaseMs: 2000,
    concurrency: 1,
    perEndpoint: 10,
    attempt: { allowPrivateNetworks: true },
  };
  const runners = [h.startRunner(options), h.startRunner(options)];
  await receiver.waitFor(N, 120_000);
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
}, 180_000);
