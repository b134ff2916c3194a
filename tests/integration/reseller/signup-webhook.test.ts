import { expect, test } from "vitest";
import { createActor } from "@/tests/helpers/actors";
import { setupIntegration } from "@/tests/helpers/integration";

const h = setupIntegration();

test("Set Menu → Signup Webhook: save POST (stored as JSON), switch to GET, one endpoint only, visible as a platform endpoint", async () => {
  const r = await createActor(h.services, { role: "reseller" });
  expect(await r.caller.reseller.signupWebhook()).toBeNull();
  const saved = await r.caller.reseller.saveSignupWebhook({ method: "POST", url: "https://crm.example.com/signup" });
  expect(saved).toMatchObject({
    product: "platform",
    reportType: "signup",
    eventTypes: ["user.signup"],
    method: "JSON",
    payloadFormat: "mapped",
    sendMethod: "POST",
    timeoutMs: 5000,
  });
  const again = await r.caller.reseller.saveSignupWebhook({ method: "GET", url: "https://crm.example.com/signup2" });
  expect(again).toMatchObject({
    id: saved.id,
    method: "GET",
    sendMethod: "GET",
    url: "https://crm.example.com/signup2",
  });
  const all = await r.caller.endpoints.list();
  expect(all.map((e) => e.id)).toEqual([saved.id]);
});

test("Test Webhook sends the seed's sample payload and shows status and response; 500 and timeouts are shown as such", async () => {
  const receiver = await h.startReceiver();
  const r = await createActor(h.services, { role: "reseller" });
  receiver.respondWith({ status: 200, body: "thanks" });
  const ok = await r.caller.reseller.testSignupWebhook({ method: "POST", url: receiver.url });
  expect(ok).toMatchObject({ ok: true, status: 200, responseBody: "thanks" });
  expect(JSON.parse(receiver.requests[0]!.body)).toEqual({
    user_type: "customer",
    user_id: "2796XX",
    user_full_name: "Jon Doe",
    user_name: "newuser",
    mobile_number: "91xxxxxxxxx1",
    email: "newuser@domain.com",
    user_city: "city name",
    user_region: "region name",
    user_country: "country name",
    user_signup_timestamp: "2025-12-31 00:00:00",
  });
  receiver.respondWith({ status: 500, body: "crashed" });
  const err = await r.caller.reseller.testSignupWebhook({ method: "GET", url: receiver.url });
  expect(err).toMatchObject({ ok: false, status: 500, responseBody: "crashed" });
  expect(receiver.requests[1]!.method).toBe("GET");
  expect(receiver.requests[1]!.url).toContain("user_name=newuser");
});

test("bad input is refused; customers cannot use the signup webhook procedures", async () => {
  const r = await createActor(h.services, { role: "reseller" });
  const bad = await r.caller.reseller.saveSignupWebhook({ method: "POST", url: "ftp://x" }).catch((e) => e);
  expect(bad.code).toBe("BAD_REQUEST");
  const c = await createActor(h.services);
  await expect(c.caller.reseller.signupWebhook()).rejects.toMatchObject({ code: "FORBIDDEN" });
  await expect(
    c.caller.reseller.saveSignupWebhook({ method: "POST", url: "https://x.example.com" }),
  ).rejects.toMatchObject({ code: "FORBIDDEN" });
});
