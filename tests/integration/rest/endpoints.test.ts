import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { beforeAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/v1/endpoints/route";
import * as item from "@/app/api/v1/endpoints/[id]/route";
import * as rotate from "@/app/api/v1/endpoints/[id]/rotate-secret/route";
import * as test from "@/app/api/v1/endpoints/[id]/test/route";
import { deliveryAttempts, endpoints } from "@/db/schema";
import { createApiKey } from "@/server/api-keys/create-api-key";
import { revokeApiKey } from "@/server/api-keys/revoke-api-key";
import { createActor } from "@/tests/helpers/actors";
import { setupIntegration } from "@/tests/helpers/integration";
import { restClient } from "@/tests/helpers/rest-client";

const h = setupIntegration({ receiver: true });
const { call } = restClient(() => h.services);
let key: string;
let otherKey: string;
let accountId: string;

const none = {} as Record<string, never>;

beforeAll(async () => {
  const me = await createActor(h.services);
  const other = await createActor(h.services);
  accountId = me.accountId;
  key = (await createApiKey({ db: h.db, actor: me.actor }, { name: "ci" })).key;
  otherKey = (await createApiKey({ db: h.db, actor: other.actor }, { name: "other" })).key;
});

const smsEndpoint = (path = "/dlr") => ({
  url: `${h.receiver.url}${path}`,
  product: "sms",
  reportType: "dlr",
  method: "JSON",
  payloadFormat: "mapped",
  paramMap: { transaction_id: "txn" },
  customHeaders: [{ name: "X-Api-Token", value: "tok-secret-123" }],
});

async function create(body: unknown = smsEndpoint()) {
  const res = await call(collection.POST, "POST", none, { key, json: body });
  expect(res.status, res.text).toBe(201);
  return res.data as { id: string; signingSecret: string } & Record<string, unknown>;
}

describe("authentication", () => {
  it("refuses requests without a key, with a malformed or unknown key, and with a revoked key", async () => {
    const missing = await call(collection.GET, "GET", none);
    expect(missing.status).toBe(401);
    expect(missing.data).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);

    expect((await call(collection.GET, "GET", none, { authorization: `Basic ${key}` })).status).toBe(401);
    expect((await call(collection.GET, "GET", none, { key: "hk_live_nottherightkeyatall0000000000" })).status).toBe(
      401,
    );
    expect((await call(collection.GET, "GET", none, { key: "sk_something" })).status).toBe(401);

    const me = await createActor(h.services);
    const created = await createApiKey({ db: h.db, actor: me.actor }, { name: "to revoke" });
    expect((await call(collection.GET, "GET", none, { key: created.key })).status).toBe(200);
    await revokeApiKey({ db: h.db, actor: me.actor }, { id: created.id });
    const revoked = await call(collection.GET, "GET", none, { key: created.key });
    expect(revoked.status).toBe(401);
    expect(revoked.data.error.code).toBe("unauthorized");
  });

  it("checks the key before reading the body", async () => {
    expect((await call(collection.POST, "POST", none, { raw: "{", contentType: "application/json" })).status).toBe(401);
  });
});

describe("POST /api/v1/endpoints", () => {
  it("creates an endpoint and returns the signing secret once", async () => {
    const res = await call(collection.POST, "POST", none, { key, json: smsEndpoint() });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/endpoints/${res.data.id}`);
    expect(res.data).toMatchObject({
      id: expect.stringMatching(/^ep_/),
      product: "sms",
      reportType: "dlr",
      eventTypes: ["sms.dlr"],
      method: "JSON",
      status: "active",
      timeoutMs: 5000,
      rateLimitPerSecond: null,
      customHeaders: [{ name: "X-Api-Token", value: "••••••••" }],
      signingSecret: expect.stringMatching(/^whsec_/),
    });
    expect(res.data.paramMap).toMatchObject({ transaction_id: "txn", message_id: "message_id" });

    const got = await call(item.GET, "GET", { id: res.data.id }, { key });
    expect(got.status).toBe(200);
    expect(got.data).not.toHaveProperty("signingSecret");
    expect(got.text).not.toContain(res.data.signingSecret);
    expect(got.text).not.toContain("tok-secret-123");

    const list = await call(collection.GET, "GET", none, { key });
    expect(list.status).toBe(200);
    expect(list.data.data.map((e: { id: string }) => e.id)).toContain(res.data.id);
    expect(list.text).not.toContain(res.data.signingSecret);
    expect(list.text).not.toContain("tok-secret-123");
  });

  it("stores the signing secret and header values encrypted", async () => {
    const created = await create();
    const [row] = await h.db.select().from(endpoints).where(eq(endpoints.id, created.id));
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(created.signingSecret);
    expect(stored).not.toContain(created.signingSecret.slice("whsec_".length));
    expect(stored).not.toContain("tok-secret-123");
    expect(row!.secretEnc).toMatch(/^v1\./);
    expect(row!.customHeadersEnc).toMatch(/^v1\./);
    expect(row!.accountId).toBe(accountId);
  });

  it.each([
    ["MO for SMS", { reportType: "mo" }, ["reportType"], "MO is not available for the SMS product"],
    [
      "a reserved header",
      { customHeaders: [{ name: "Content-Type", value: "text/plain" }] },
      ["customHeaders", 0, "name"],
      "'Content-Type' is set by Hookline and cannot be overridden",
    ],
    ["a bad URL", { url: "ftp://example.com/hook" }, ["url"], "URL must start with http:// or https://"],
    ["a missing URL", { url: undefined }, ["url"], "Enter the URL of your webhook endpoint"],
    [
      "a WABA number on SMS",
      { wabaNumber: "919876543210" },
      ["wabaNumber"],
      "A WABA number is only used for WhatsApp endpoints",
    ],
  ])("answers 422 with issues for %s", async (_what, patch, path, message) => {
    const res = await call(collection.POST, "POST", none, { key, json: { ...smsEndpoint(), ...patch } });
    expect(res.status).toBe(422);
    expect(res.data.error.code).toBe("validation_failed");
    expect(res.data.error.issues).toContainEqual({ path, message });
  });

  it("answers 422 for a WhatsApp number the account does not have", async () => {
    const res = await call(collection.POST, "POST", none, {
      key,
      json: {
        url: `${h.receiver.url}/wa`,
        product: "whatsapp",
        reportType: "dlr",
        method: "XML",
        wabaNumber: "919876543210",
      },
    });
    expect(res.status).toBe(422);
    expect(res.data.error.issues[0].path).toEqual(["wabaNumber"]);
  });

  it("answers 415 for a body that is not JSON, 400 for malformed JSON, 413 for a body over 1 MB", async () => {
    const form = await call(collection.POST, "POST", none, {
      key,
      raw: "url=https://example.com",
      contentType: "application/x-www-form-urlencoded",
    });
    expect(form.status).toBe(415);
    expect(form.data.error.code).toBe("unsupported_media_type");
    expect((await call(collection.POST, "POST", none, { key, raw: "{}" })).status).toBe(415);

    const broken = await call(collection.POST, "POST", none, { key, raw: '{"url": ', contentType: "application/json" });
    expect(broken.status).toBe(400);
    expect(broken.data.error.code).toBe("invalid_json");
    const empty = await call(collection.POST, "POST", none, {
      key,
      raw: "",
      contentType: "application/json; charset=utf-8",
    });
    expect(empty.status).toBe(400);

    const big = JSON.stringify({ ...smsEndpoint(), description: "x".repeat(1024 * 1024) });
    const tooLarge = await call(collection.POST, "POST", none, { key, raw: big, contentType: "application/json" });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.data.error.code).toBe("payload_too_large");
  });

  it("answers 422, not 500, for JSON of the wrong shape", async () => {
    for (const body of [null, [], "text", 42, { url: 1 }, { customHeaders: "x" }, { paramMap: [] }]) {
      const res = await call(collection.POST, "POST", none, { key, json: body });
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
  });
});

describe("/api/v1/endpoints/{id}", () => {
  it("PATCHes some fields, keeps masked header values and re-checks the merged endpoint", async () => {
    const created = await create();
    const res = await call(
      item.PATCH,
      "PATCH",
      { id: created.id },
      {
        key,
        json: {
          description: "orders",
          rateLimitPerSecond: 50,
          customHeaders: [
            { name: "X-Api-Token", value: "••••••••" },
            { name: "X-Extra", value: "e1" },
          ],
        },
      },
    );
    expect(res.status, res.text).toBe(200);
    expect(res.data).toMatchObject({ description: "orders", rateLimitPerSecond: 50, url: created.url });
    expect(res.data.customHeaders).toEqual([
      { name: "X-Api-Token", value: "••••••••" },
      { name: "X-Extra", value: "••••••••" },
    ]);

    h.receiver.respondOnce({ status: 200 });
    const before = h.receiver.requests.length;
    expect((await call(test.POST, "POST", { id: created.id }, { key })).data.ok).toBe(true);
    const got = h.receiver.requests[before]!;
    expect(got.headers["x-api-token"]).toBe("tok-secret-123");
    expect(got.headers["x-extra"]).toBe("e1");

    const invalid = await call(item.PATCH, "PATCH", { id: created.id }, { key, json: { reportType: "mo" } });
    expect(invalid.status).toBe(422);
    expect(invalid.data.error.issues).toContainEqual({
      path: ["reportType"],
      message: "MO is not available for the SMS product",
    });

    const field = await call(item.PATCH, "PATCH", { id: created.id }, { key, json: { timeoutMs: 60_000 } });
    expect(field.status).toBe(422);
    expect(field.data.error.issues[0].path).toEqual(["timeoutMs"]);

    const disable = await call(item.PATCH, "PATCH", { id: created.id }, { key, json: { status: "disabled" } });
    expect(disable.status).toBe(422);
  });

  it("DELETE answers 204, then the endpoint is gone", async () => {
    const created = await create();
    const res = await call(item.DELETE, "DELETE", { id: created.id }, { key });
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect((await call(item.GET, "GET", { id: created.id }, { key })).status).toBe(404);
    expect((await call(item.DELETE, "DELETE", { id: created.id }, { key })).status).toBe(404);
  });

  it("is a 404 for another account's endpoint, on every route", async () => {
    const created = await create();
    const id = { id: created.id };
    const opts = { key: otherKey };
    for (const res of [
      await call(item.GET, "GET", id, opts),
      await call(item.PATCH, "PATCH", id, { ...opts, json: { description: "mine now" } }),
      await call(item.DELETE, "DELETE", id, opts),
      await call(test.POST, "POST", id, opts),
      await call(rotate.POST, "POST", id, opts),
    ]) {
      expect(res.status).toBe(404);
      expect(res.data.error.code).toBe("not_found");
    }
    const list = await call(collection.GET, "GET", none, opts);
    expect(list.data.data.map((e: { id: string }) => e.id)).not.toContain(created.id);
    // Still there, unchanged, for its owner.
    expect((await call(item.GET, "GET", id, { key })).data.description).toBe("");
    expect((await call(item.GET, "GET", { id: "ep_does_not_exist" }, { key })).status).toBe(404);
  });
});

describe("POST /api/v1/endpoints/{id}/test and /rotate-secret", () => {
  it("sends a signed sample event and records a test attempt", async () => {
    const created = await create();
    h.receiver.respondOnce({ status: 200, body: "thanks" });
    const before = h.receiver.requests.length;
    const res = await call(test.POST, "POST", { id: created.id }, { key });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({
      ok: true,
      status: 200,
      responseBody: "thanks",
      errorClass: null,
      errorMessage: null,
    });
    expect(res.data.durationMs).toEqual(expect.any(Number));
    expect(res.data.request).toMatchObject({ method: "POST", url: created.url });
    expect(res.data.request.headers["X-Api-Token"]).not.toBe("tok-secret-123");
    expect(res.text).not.toContain("tok-secret-123");

    const got = h.receiver.requests[before]!;
    expect(JSON.parse(got.body)).toMatchObject({ txn: "81934341034091431", message_id: "shdgMj33hk8" });
    expect(() =>
      new Webhook(created.signingSecret).verify(got.body, got.headers as Record<string, string>),
    ).not.toThrow();

    const attempts = await h.db.select().from(deliveryAttempts).where(eq(deliveryAttempts.endpointId, created.id));
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ trigger: "test", deliveryId: null, responseStatus: 200 });
    expect(JSON.stringify(attempts[0])).not.toContain("tok-secret-123");
  });

  it("reports a failing endpoint with its class and a hint", async () => {
    const created = await create(smsEndpoint("/missing"));
    h.receiver.respondOnce({ status: 404, body: "no such route" });
    const res = await call(test.POST, "POST", { id: created.id }, { key });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({
      ok: false,
      status: 404,
      errorClass: "http_status",
      responseBody: "no such route",
    });
    expect(res.data.hint).toMatch(/path/i);
  });

  it("reports a timeout after the endpoint's own timeout", async () => {
    const created = await create({ ...smsEndpoint("/slow"), timeoutMs: 1000 });
    h.receiver.respondOnce({ status: 200, delayMs: 2500 });
    const res = await call(test.POST, "POST", { id: created.id }, { key });
    expect(res.data).toMatchObject({ ok: false, status: null, errorClass: "timeout" });
    expect(res.data.durationMs).toBeGreaterThanOrEqual(900);
    expect(res.data.durationMs).toBeLessThan(2400);
  });

  it("rotates the secret; both secrets verify for the next 24 hours", async () => {
    const created = await create();
    const res = await call(rotate.POST, "POST", { id: created.id }, { key });
    expect(res.status).toBe(200);
    expect(res.data.signingSecret).toMatch(/^whsec_/);
    expect(res.data.signingSecret).not.toBe(created.signingSecret);
    const expires = new Date(res.data.previousSecretExpiresAt).getTime();
    expect(expires - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(24 * 3600_000);

    h.receiver.respondOnce({ status: 200 });
    const before = h.receiver.requests.length;
    expect((await call(test.POST, "POST", { id: created.id }, { key })).data.ok).toBe(true);
    const got = h.receiver.requests[before]!;
    const headers = got.headers as Record<string, string>;
    expect(headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(() => new Webhook(created.signingSecret).verify(got.body, headers)).not.toThrow();
    expect(() => new Webhook(res.data.signingSecret).verify(got.body, headers)).not.toThrow();
  });
});
