import { expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { deliveries } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { testEndpoint } from "@/server/endpoints/test-endpoint";
import { sendSampleEvent } from "@/server/events/send-sample-event";
import { sendSampleEventOptions } from "@/server/events/send-sample-event-options";
import { addWabaNumber } from "@/server/waba-numbers/add-waba-number";
import { createActor } from "@/tests/helpers/actors";
import { setupIntegration } from "@/tests/helpers/integration";
import { insertEndpoint } from "@/tests/helpers/endpoints";

const h = setupIntegration();

const OWN = "919000000001";
const runner = { enqueue: async () => {} };

async function whatsappAccount() {
  const receiver = await h.startReceiver();
  const user = await createActor(h.services);
  const actor: Actor = { userId: user.userId, accountId: user.accountId, role: "customer" };
  await addWabaNumber({ db: h.db, actor }, { number: OWN, label: "Support line" });
  const ep = await insertEndpoint(h.db, actor.accountId, `${receiver.url}/mo`, {
    product: "whatsapp",
    reportType: "mo",
    eventTypes: ["whatsapp.mo"],
    wabaNumber: OWN,
  });
  return { actor, ep, receiver };
}

test("Test Webhook sends the endpoint's own WABA number, not the catalog sample's", async () => {
  const { actor, ep, receiver } = await whatsappAccount();
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
