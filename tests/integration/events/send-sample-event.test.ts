import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { expect, test } from "vitest";
import { deliveries, events } from "@/db/schema";
import { createCaller } from "@/server/api/root";
import { canonicalFields, catalog, sampleEvent } from "@/server/events/catalog";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";

const h = setupIntegration();

test("sendSample goes through ingestion: the event and a delivery per subscribed endpoint, delivered by the runner", async () => {
  const a = await createActor(h.services);
  const receiver = await h.startReceiver();
  const ep = await insertEndpoint(h.db, a.accountId, `${receiver.url}/hook`, {
    eventTypes: ["link.click"],
    method: "JSON",
    payloadFormat: "envelope",
  });
  await insertEndpoint(h.db, a.accountId, `${receiver.url}/dlr`, { eventTypes: ["sms.dlr"] });
  const runner = h.startRunner({ idlePollMs: 50, attempt: { allowPrivateNetworks: true } });
  const caller = createCaller({ db: h.db, runner, session: a.session });

  const data = { ...sampleEvent("link.click").data, click_id: "clk_edited" };
  const { id } = await caller.events.sendSample({ type: "link.click", data });
  expect(id).toMatch(/^evt_/);
  const [stored] = await h.db.select().from(events).where(eq(events.id, id));
  expect(stored).toMatchObject({ accountId: a.accountId, type: "link.click", data });
  const rows = await h.db.select().from(deliveries).where(eq(deliveries.eventId, id));
  expect(rows.map((r) => r.endpointId)).toEqual([ep.id]);

  const [req] = await receiver.waitFor(1, 10_000);
  expect(req!.url).toBe("/hook");
  expect(JSON.parse(req!.body)).toMatchObject({ id, type: "link.click", data: { click_id: "clk_edited" } });
  // jsonb reorders keys; the payload goes out in catalog order.
  const sentData = JSON.parse(req!.body).data as Record<string, unknown>;
  expect(Object.keys(sentData)).toEqual(canonicalFields("link.click").filter((k) => k in sentData));
  expect(() => new Webhook(ep.secret).verify(req!.body, req!.headers as Record<string, string>)).not.toThrow();
  await expect.poll(async () => (await caller.events.get({ id })).status, { timeout: 5000 }).toBe("succeeded");
  const detail = await caller.events.get({ id });
  expect(detail.deliveries).toEqual([
    expect.objectContaining({ endpointId: ep.id, status: "succeeded", attempts: 1, lastStatusCode: 200 }),
  ]);
});

test("invalid sample data is BAD_REQUEST with issues at data.<field>, and nothing is recorded", async () => {
  const a = await createActor(h.services);
  await insertEndpoint(h.db, a.accountId, "https://a.example.com/hook", { eventTypes: ["sms.dlr"] });
  const data = { ...sampleEvent("sms.dlr").data, mobile: "not-a-number", status: "lost" };
  const err = await a.caller.events.sendSample({ type: "sms.dlr", data }).catch((e) => e);
  expect(err.code).toBe("BAD_REQUEST");
  const paths = err.cause.issues.map((i: { path: (string | number)[] }) => i.path.join("."));
  expect(paths).toEqual(expect.arrayContaining(["data.mobile", "data.status"]));
  expect(err.cause.issues.find((i: { path: string[] }) => i.path.join(".") === "data.mobile").message).toMatch(
    /digits with country code/,
  );

  const missing = await a.caller.events.sendSample({ type: "sms.mo", data: {} }).catch((e) => e);
  expect(missing.code).toBe("BAD_REQUEST");
  expect(missing.cause.issues.map((i: { path: string[] }) => i.path.join("."))).toContain("data.message_id");

  for (const input of [
    { type: "sms.dlr", data: [1, 2] },
    { type: "sms.dlr", data: "x" },
    { type: "", data: {} },
    { data: {} },
  ]) {
    await expect(a.caller.events.sendSample(input as never), JSON.stringify(input)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  }
  const unknown = await a.caller.events.sendSample({ type: "sms.nope", data: {} }).catch((e) => e);
  expect(unknown.code).toBe("BAD_REQUEST");
  expect(unknown.cause.issues[0].path).toEqual(["type"]);

  const huge = await a.caller.events
    .sendSample({ type: "sms.dlr", data: { ...sampleEvent("sms.dlr").data, client_ref: "x".repeat(300 * 1024) } })
    .catch((e) => e);
  expect(huge.code).toBe("PAYLOAD_TOO_LARGE");
  // The limit is ingestion's own, as for REST: the same message, the issue at `data`.
  expect(huge.message).toBe("Events may be at most 256 KB each");
  expect(huge.cause.issues).toEqual([expect.objectContaining({ path: ["data"] })]);
  expect((await a.caller.events.list({})).data).toEqual([]);
});

test("user.signup is refused (only storefront sign-ups emit it) and is not offered as a sample", async () => {
  const a = await createActor(h.services);
  const err = await a.caller.events.sendSample(sampleEvent("user.signup")).catch((e) => e);
  expect(err.code).toBe("BAD_REQUEST");
  expect(err.cause.issues).toEqual([
    expect.objectContaining({ path: ["type"], message: expect.stringMatching(/user\.signup/) }),
  ]);
  expect((await a.caller.events.list({})).data).toEqual([]);

  const options = await a.caller.events.sampleOptions();
  expect(options.types.map((t) => t.type)).toEqual(["sms.dlr", "whatsapp.dlr", "whatsapp.mo", "sms.mo", "link.click"]);
  expect(options.types.find((t) => t.type === "sms.mo")).toMatchObject({
    label: catalog["sms.mo"].label,
    sample: catalog["sms.mo"].sample,
  });
});

test("sampleOptions lists the account's endpoints that can receive events (not disabled, not another account's)", async () => {
  const a = await createActor(h.services);
  const b = await createActor(h.services);
  const active = await insertEndpoint(h.db, a.accountId, "https://a.example.com/active", { eventTypes: ["sms.dlr"] });
  const paused = await insertEndpoint(h.db, a.accountId, "https://a.example.com/paused", {
    eventTypes: ["sms.mo"],
    status: "paused",
  });
  await insertEndpoint(h.db, a.accountId, "https://a.example.com/off", { eventTypes: ["sms.dlr"], status: "disabled" });
  await insertEndpoint(h.db, b.accountId, "https://b.example.com/theirs", { eventTypes: ["sms.dlr"] });
  const { endpoints } = await a.caller.events.sampleOptions();
  expect(endpoints.map((e) => e.id).sort()).toEqual([active.id, paused.id].sort());
  expect(endpoints.find((e) => e.id === paused.id)).toMatchObject({
    status: "paused",
    eventTypes: ["sms.mo"],
    url: "https://a.example.com/paused",
  });
});
