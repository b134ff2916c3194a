import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { deliveries } from "@/db/schema";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor } from "@/tests/helpers/actors";
import { setupIntegration } from "@/tests/helpers/integration";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { maskEventData } from "@/server/events/mask-pii";

const h = setupIntegration();

test("get: the payload and one delivery per subscribed endpoint, with endpoint url, status and last result", async () => {
  const a = await createActor(h.services);
  const one = await insertEndpoint(h.db, a.accountId, "https://a.example.com/one", {
    eventTypes: ["sms.dlr"],
    description: "Orders",
  });
  const two = await insertEndpoint(h.db, a.accountId, "https://a.example.com/two", { eventTypes: ["sms.dlr"] });
  await insertEndpoint(h.db, a.accountId, "https://a.example.com/clicks", { eventTypes: ["link.click"] });
  await insertEndpoint(h.db, a.accountId, "https://a.example.com/off", { eventTypes: ["sms.dlr"], status: "disabled" });
  const input = sampleEvent("sms.dlr");
  input.data.client_ref = "order-77";
  const { id } = (await ingestEvents({ ...h.services, actor: a.actor }, input)) as { id: string };
  const next = new Date(Date.now() + 300_000);
  await h.db
    .update(deliveries)
    .set({
      status: "retrying",
      attempts: 2,
      lastStatusCode: 503,
      lastError: "503 Service Unavailable from your server",
      nextAttemptAt: next,
    })
    .where(eq(deliveries.endpointId, two.id));

  const event = await a.caller.events.get({ id });
  expect(event).toMatchObject({
    id,
    type: "sms.dlr",
    // PII masking is on for new accounts: the view shows the mobile number masked.
    data: maskEventData({ ...input.data, client_ref: "order-77" }),
    masked: true,
    status: "pending",
    counts: { total: 2, succeeded: 0, failed: 0, inFlight: 2 },
  });
  expect(event.deliveries).toHaveLength(2);
  const byEndpoint = new Map(event.deliveries.map((d) => [d.endpointId, d]));
  expect(byEndpoint.get(one.id)).toMatchObject({
    endpointUrl: "https://a.example.com/one",
    endpointDescription: "Orders",
    status: "pending",
    attempts: 0,
    lastStatusCode: null,
  });
  expect(byEndpoint.get(two.id)).toMatchObject({
    endpointUrl: "https://a.example.com/two",
    status: "retrying",
    attempts: 2,
    lastStatusCode: 503,
    lastError: "503 Service Unavailable from your server",
  });
  expect(byEndpoint.get(two.id)!.nextAttemptAt!.getTime()).toBe(next.getTime());
  expect(byEndpoint.get(one.id)!.id).toMatch(/^dlv_/);
});

test("tenancy: another account's event is NOT_FOUND, as is an unknown id; a malformed id is BAD_REQUEST", async () => {
  const a = await createActor(h.services);
  const b = await createActor(h.services);
  const { id } = (await ingestEvents({ ...h.services, actor: b.actor }, sampleEvent("sms.mo"))) as { id: string };
  expect((await b.caller.events.get({ id })).id).toBe(id);
  await expect(a.caller.events.get({ id })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Event not found" });
  await expect(a.caller.events.get({ id: "evt_0000000000zzzzzzzzzzzzzzzz" })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  await expect(a.caller.events.get({ id: "ep_01abcdefghjk" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  await expect(a.caller.events.get({ id: "evt_x'; drop table events; --" })).rejects.toMatchObject({
    code: "BAD_REQUEST",
  });
});
