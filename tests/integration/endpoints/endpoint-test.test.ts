import { expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { deliveryAttempts } from "@/db/schema";
import { createActor } from "@/tests/helpers/actors";
import { setupIntegration } from "@/tests/helpers/integration";

const h = setupIntegration();

const sms = (url: string, extra: object = {}) => ({
  url,
  product: "sms" as const,
  reportType: "dlr" as const,
  method: "JSON" as const,
  ...extra,
});

test("Test Webhook on a saved endpoint: 200 with the response shown, signed, recorded as a test attempt", async () => {
  const receiver = await h.startReceiver();
  receiver.respondWith({ status: 200, headers: { "x-receiver": "yes" }, body: '{"received":true}' });
  const a = await createActor(h.services);
  const { endpoint, signingSecret } = await a.caller.endpoints.create(
    sms(receiver.url, { customHeaders: [{ name: "X-Api-Key", value: "secret123" }] }),
  );
  const res = await a.caller.endpoints.test({ id: endpoint.id });
  expect(res).toMatchObject({
    ok: true,
    status: 200,
    statusText: "OK",
    responseBody: '{"received":true}',
    errorClass: null,
    hint: null,
    eventType: "sms.dlr",
  });
  expect(res.responseHeaders["x-receiver"]).toBe("yes");
  expect(res.request.headers["X-Api-Key"]).not.toBe("secret123");
  const got = receiver.requests[0]!;
  expect(got.headers["x-api-key"]).toBe("secret123");
  expect(JSON.parse(got.body)).toMatchObject({
    transaction_id: "81934341034091431",
    mobile: "919812345678",
    status: "delivered",
  }); // mapped (default) = flat
  expect(() => new Webhook(signingSecret).verify(got.body, got.headers as Record<string, string>)).not.toThrow();
  const attempts = await h.db.select().from(deliveryAttempts).where(eq(deliveryAttempts.endpointId, endpoint.id));
  expect(attempts).toHaveLength(1);
  expect(attempts[0]).toMatchObject({ trigger: "test", deliveryId: null, responseStatus: 200 });
  expect(JSON.stringify(attempts[0]!.request)).not.toContain("secret123");
});

test("404 and timeouts come back with their class, the message, and a hint that does not repeat it", async () => {
  const receiver = await h.startReceiver();
  const a = await createActor(h.services);
  receiver.respondWith({ status: 404, body: "no such hook" });
  const notFound = await a.caller.endpoints.testDraft(sms(receiver.url));
  expect(notFound).toMatchObject({ ok: false, status: 404, errorClass: "http_status", responseBody: "no such hook" });
  expect(notFound.errorMessage).toContain("404 Not Found");
  expect(notFound.hint).toBe("Check the URL path.");

  receiver.respondWith({ status: 200, delayMs: 3000 });
  const slow = await a.caller.endpoints.testDraft(sms(receiver.url, { timeoutMs: 1000 }));
  expect(slow).toMatchObject({ ok: false, status: null, errorClass: "timeout" });
  expect(slow.errorMessage).toMatch(/timed out after 1 s/i);
  expect(slow.hint).toMatch(/^Reply with a 2xx right away/);
});

test("rotation: both the new and the old secret sign for 24 h", async () => {
  const receiver = await h.startReceiver();
  const a = await createActor(h.services);
  const { endpoint, signingSecret: oldSecret } = await a.caller.endpoints.create(sms(receiver.url));
  const { secret: newSecret, previousSecretExpiresAt } = await a.caller.endpoints.rotateSecret({ id: endpoint.id });
  expect(newSecret).not.toBe(oldSecret);
  expect(previousSecretExpiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);
  await a.caller.endpoints.test({ id: endpoint.id });
  const got = receiver.requests[0]!;
  expect(String(got.headers["webhook-signature"]).split(" ")).toHaveLength(2);
  for (const s of [oldSecret, newSecret])
    expect(() => new Webhook(s).verify(got.body, got.headers as Record<string, string>)).not.toThrow();
  const revealed = await a.caller.endpoints.revealSecret({ id: endpoint.id });
  expect(revealed.secret).toBe(newSecret);
});

test("preview shows the exact request for the sample event with headers redacted", async () => {
  const a = await createActor(h.services);
  const p = await a.caller.endpoints.preview({
    url: "https://hooks.example.com/dlr?x=1",
    product: "sms",
    reportType: "dlr",
    method: "GET",
    paramMap: { mobile: "msisdn" },
    customHeaders: [{ name: "Authorization", value: "Bearer t0ken" }],
  });
  expect(p.request.method).toBe("GET");
  expect(p.request.url).toContain("msisdn=919812345678");
  expect(p.request.url.startsWith("https://hooks.example.com/dlr?x=1&")).toBe(true);
  expect(JSON.stringify(p)).not.toContain("t0ken");
  expect(p.curl).toContain("curl");
});
