import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { deliveries } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { testEndpoint } from "@/server/endpoints/test-endpoint";
import { sendSampleEvent } from "@/server/events/send-sample-event";
import { sendSampleEventOptions } from "@/server/events/send-sample-event-options";
import { addWabaNumber } from "@/server/waba-numbers/add-waba-number";
import { createActor } from "@/tests/helpers/actors";
import { createTestDb } from "@/tests/helpers/db";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { startReceiver, type Receiver } from "@/tests/helpers/receiver";

let h: DbHandle;
let receiver: Receiver;
beforeAll(async () => {
  h = await createTestDb();
});
afterEach(() => receiver?.close());
afterAll(() => h.close());

const OWN = "919000000001";
const runner = { enqueue: async () => {} };

async function whatsappAccount() {
  receiver = await startReceiver();
  const user = await createActor(h.db);
  const actor: Actor = { userId: user.userId, accountId: user.accountId, role: "customer" };
  await addWabaNumber({ db: h.db, actor }, { number: OWN, label: "Support line" });
  const ep = await insertEndpoint(h.db, actor.accountId, `${receiver.url}/mo`, {
    product: "whatsapp",
    reportType: "mo",
    eventTypes: ["whatsapp.mo"],
    wabaNumber: OWN,
  });
  return { actor, ep };
}

test("Test Webhook sends the endpoint's own WABA number, not the catalog sample's", async () => {
  const { actor, ep } = await whatsappAccount();
  const result = await testEndpoint({ db: h.db, actor }, { id: ep.id });
  expect(result.ok).toBe(true);
  const body = JSON.parse(receiver.requests[0]!.body);
  expect(body.data.waba_number).toBe(OWN);
  expect(JSON.parse(result.request.body!).data.waba_number).toBe(OWN);
});

test("Send sample event offers the account's number, so the sample reaches its WhatsApp endpoint", async () => {
  const { actor, ep } = await whatsappAccount();
  const options = await sendSampleEventOptions({ db: h.db, actor });
  const mo = options.types.find((t) => t.type === "whatsapp.mo")!;
  expect(mo.sample.waba_number).toBe(OWN);
  // No endpoint for whatsapp.dlr: the first number from Settings.
  expect(options.types.find((t) => t.type === "whatsapp.dlr")!.sample.waba_number).toBe(OWN);

  const { id } = await sendSampleEvent({ db: h.db, actor, runner }, { type: "whatsapp.mo", data: mo.sample });
  const rows = await h.db.select().from(deliveries).where(eq(deliveries.eventId, id));
  expect(rows.map((r) => r.endpointId)).toEqual([ep.id]);
});
