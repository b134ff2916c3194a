import { eq, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { deliveries, deliveryAttempts, endpoints } from "@/db/schema";
import { attemptDelivery } from "@/server/delivery/engine/attempt-delivery";
import { MAX_INTERNAL_FAILURES } from "@/server/delivery/engine/note-internal-failures";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";
import { until } from "@/tests/helpers/wait-until";

const h = setupIntegration();

test("an error of ours after the claim (a secret that no longer decrypts) ends in a recorded failure after the bound: lease released, nothing sent", async () => {
  const receiver = await h.startReceiver();
  const me = await createActor(h.services);
  const ep = await insertEndpoint(h.db, me.accountId, receiver.url);
  // As after a changed ENCRYPTION_KEY: the stored ciphertext cannot be read any more.
  await h.db.update(endpoints).set({ secretEnc: "v1:not-a-ciphertext" }).where(eq(endpoints.id, ep.id));
  const { id: eventId } = (await ingestEvents(
    { db: h.db, actor: me.actor, runner: h.newRunner() },
    sampleEvent("sms.dlr"),
  )) as { id: string };
  const [d] = await h.db.select().from(deliveries).where(eq(deliveries.eventId, eventId));

  // The Inngest step body, run as Inngest would after each wait (due again at once here).
  for (let i = 1; i <= MAX_INTERNAL_FAILURES; i++) {
    const result = await attemptDelivery({ db: h.db, allowPrivateNetworks: true }, d!.id);
    expect(result.status).toBe("deferred"); // never a throw: the step does not loop on a lease
    const [row] = await h.db.select().from(deliveries).where(eq(deliveries.id, d!.id));
    expect(row).toMatchObject({ internalFailures: i, leaseExpiresAt: null, leaseOwner: null, attempts: 0 });
    if (i < MAX_INTERNAL_FAILURES) {
      expect(row!.status).toBe("pending");
      expect(row!.lastError).toMatch(/^Internal error \(will try again\)/);
      await h.db
        .update(deliveries)
        .set({ nextAttemptAt: sql`now()` })
        .where(eq(deliveries.id, d!.id));
    } else {
      expect(row!.status).toBe("failed");
      expect(row!.lastError).toMatch(new RegExp(`^Stopped after ${MAX_INTERNAL_FAILURES} internal errors`));
    }
  }
  expect(await attemptDelivery({ db: h.db, allowPrivateNetworks: true }, d!.id)).toEqual({
    status: "skipped",
    reason: "finished",
  });
  expect(receiver.requests).toHaveLength(0);
});

test("a 2xx response body with NUL bytes and a lone surrogate is stored sanitized; the delivery succeeds once", async () => {
  const receiver = await h.startReceiver();
  receiver.respondWith({ status: 200, body: "ok\u0000done \ud800!" });
  const me = await createActor(h.services);
  await insertEndpoint(h.db, me.accountId, receiver.url);
  const runner = h.startRunner({ idlePollMs: 50, attempt: { allowPrivateNetworks: true } });
  const { id: eventId } = (await ingestEvents({ db: h.db, actor: me.actor, runner }, sampleEvent("sms.dlr"))) as {
    id: string;
  };
  const [d] = await until(
    () => h.db.select().from(deliveries).where(eq(deliveries.eventId, eventId)),
    (rows) => rows[0]?.status === "succeeded",
  );
  expect(d).toMatchObject({ status: "succeeded", attempts: 1, internalFailures: 0 });
  const [attempt] = await h.db.select().from(deliveryAttempts).where(eq(deliveryAttempts.deliveryId, d!.id));
  expect(attempt!.responseBody).not.toContain("\u0000");
  expect(attempt!.responseBody!.startsWith("ok\uFFFDdone")).toBe(true);
  await new Promise((r) => setTimeout(r, 500)); // a re-send would show up now
  expect(receiver.requests).toHaveLength(1);
});
