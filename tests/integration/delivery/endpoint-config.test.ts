import { expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { endpoints } from "@/db/schema";
import { encryptSecret } from "@/server/crypto/secret-box";
import { attemptDelivery } from "@/server/delivery/engine/attempt-delivery";
import { generateSecret } from "@/server/delivery/sign/generate-secret";
import { toSendableEndpoint } from "@/server/endpoints/decrypt-endpoint";
import { getEnv } from "@/server/env";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import type { Actor } from "@/server/auth/actor";
import type { DeliveryItem } from "@/server/delivery/delivery-runner";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";

const h = setupIntegration();

async function oneDelivery(actor: Actor) {
  const items: DeliveryItem[] = [];
  await ingestEvents(
    { db: h.db, actor, runner: { enqueue: async (b) => void items.push(...b) } },
    sampleEvent("sms.dlr"),
  );
  return items[0]!.id;
}

/** The endpoint as the sender sees it: its stored row, decrypted. */
async function loadSendable(id: string) {
  const [row] = await h.db.select().from(endpoints).where(eq(endpoints.id, id));
  return toSendableEndpoint(row!);
}

test("custom headers are decrypted for the send; during a rotation both secrets sign, after it only the new one", async () => {
  const receiver = await h.startReceiver();
  const actor = await createActor(h.services);
  const ep = await insertEndpoint(h.db, actor.accountId, receiver.url, {
    customHeaders: [{ name: "Authorization", value: "Bearer abc" }],
  });
  const old = generateSecret();
  const key = getEnv().ENCRYPTION_KEY;
  await h.db
    .update(endpoints)
    .set({
      previousSecretEnc: encryptSecret(old, key),
      previousSecretExpiresAt: new Date(Date.now() + 3600_000),
      updatedAt: new Date(),
    })
    .where(eq(endpoints.id, ep.id));

  const loaded = await loadSendable(ep.id);
  expect(loaded.config.customHeaders).toEqual([{ name: "Authorization", value: "Bearer abc" }]);
  expect(loaded.secrets).toEqual([ep.secret, old]);

  expect(await attemptDelivery({ db: h.db, allowPrivateNetworks: true }, await oneDelivery(actor.actor))).toEqual({
    status: "succeeded",
  });
  const during = receiver.requests[0]!;
  expect(during.headers.authorization).toBe("Bearer abc");
  expect(String(during.headers["webhook-signature"]).split(" ")).toHaveLength(2);
  expect(() => new Webhook(old).verify(during.body, during.headers as Record<string, string>)).not.toThrow();
  expect(() => new Webhook(ep.secret).verify(during.body, during.headers as Record<string, string>)).not.toThrow();

  // The rotation window ends (no edit to the row: the cache must notice the expiry by itself).
  await h.db
    .update(endpoints)
    .set({ previousSecretExpiresAt: new Date(Date.now() - 1000) })
    .where(eq(endpoints.id, ep.id));
  const after = await loadSendable(ep.id);
  expect(after.secrets).toEqual([ep.secret]);
  expect(await attemptDelivery({ db: h.db, allowPrivateNetworks: true }, await oneDelivery(actor.actor))).toEqual({
    status: "succeeded",
  });
  const later = receiver.requests[1]!;
  expect(String(later.headers["webhook-signature"]).split(" ")).toHaveLength(1);
  expect(() => new Webhook(old).verify(later.body, later.headers as Record<string, string>)).toThrow();
});

test("an edited endpoint is picked up at once, even without an updated_at bump", async () => {
  const a = await h.startReceiver();
  const b = await h.startReceiver();
  const actor = await createActor(h.services);
  const ep = await insertEndpoint(h.db, actor.accountId, a.url);
  await attemptDelivery({ db: h.db, allowPrivateNetworks: true }, await oneDelivery(actor.actor));
  await h.db.update(endpoints).set({ url: b.url }).where(eq(endpoints.id, ep.id));
  await attemptDelivery({ db: h.db, allowPrivateNetworks: true }, await oneDelivery(actor.actor));
  expect([a.requests.length, b.requests.length]).toEqual([1, 1]);
});
