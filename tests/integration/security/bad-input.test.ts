import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as deliveryRoute from "@/app/api/v1/deliveries/[id]/route";
import * as deliveriesRoute from "@/app/api/v1/deliveries/route";
import * as endpointRoute from "@/app/api/v1/endpoints/[id]/route";
import * as replayRoute from "@/app/api/v1/endpoints/[id]/replay/route";
import * as endpointsRoute from "@/app/api/v1/endpoints/route";
import * as eventRoute from "@/app/api/v1/events/[id]/route";
import * as eventsRoute from "@/app/api/v1/events/route";
import { createApiKey } from "@/server/api-keys/create-api-key";
import { LocalRunner } from "@/server/delivery/runners/local-runner";
import { startAppServer } from "@/tests/helpers/app-server";
import { BrowserSession } from "@/tests/helpers/browser-session";
import { createTestDb } from "@/tests/helpers/db";
import { setupIntegration } from "@/tests/helpers/integration";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { restClient } from "@/tests/helpers/rest-client";
import { createActor } from "@/tests/helpers/actors";

/**
 * The bad-input classes that answered 500 (with SQL in the body) on the attack run: NUL bytes
 * and lone surrogates in ids, names, event data, paramMap, customParams and idempotency keys;
 * out-of-range dates; JSON nested thousands deep. Every one must be a 4xx with a plain message.
 */

const h = setupIntegration();
let key: string;
let endpointId: string;
let app: { url: string; close: () => Promise<void> };
let browser: BrowserSession;

beforeAll(async () => {
  const u = await createActor(h.services);
  key = (
    await createApiKey(
      { db: h.db, actor: { userId: u.userId, accountId: u.accountId, role: "customer" } },
      { name: "fuzz" },
    )
  ).key;
  endpointId = (await insertEndpoint(h.db, u.accountId, "http://127.0.0.1:9/hook")).id;
  app = await startAppServer(h.services);
  browser = new BrowserSession(app.url);
  expect((await browser.signIn(u.input.email, u.input.password)).ok).toBe(true);
});
afterAll(async () => {
  await app?.close();
});

/** No SQL, stack, driver or hash text in any answer. */
function expectNothingLeaked(text: string) {
  expect(text).not.toMatch(
    /insert into|select |update "|delete from|\$argon2|key_hash|password_hash|    at |node_modules|PGlite|postgres/i,
  );
}

function expectRestRefusal(res: { status: number; data: unknown; text: string }) {
  expect(res.status, res.text).toBeGreaterThanOrEqual(400);
  expect(res.status, res.text).toBeLessThan(500);
  expect(res.data).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  expectNothingLeaked(res.text);
}

const { call } = restClient(() => h.services);
const sms = (data: Record<string, unknown> = {}) => ({
  type: "sms.dlr",
  data: { transaction_id: "t1", message_id: "m1", mobile: "919812345678", status: "delivered", ...data },
});
const BAD_STRINGS = { nul: "abc\u0000def", loneSurrogate: "abc\ud800def" };

describe("REST: bad input is a 4xx with { error: { code, message } }", () => {
  for (const [name, bad] of Object.entries(BAD_STRINGS)) {
    test(`${name} in path ids`, async () => {
      expectRestRefusal(await call(eventRoute.GET, "GET", { id: bad }, { key, path: "/api/v1/events/x" }));
      expectRestRefusal(await call(deliveryRoute.GET, "GET", { id: bad }, { key, path: "/api/v1/deliveries/x" }));
      expectRestRefusal(await call(endpointRoute.GET, "GET", { id: bad }, { key }));
      expectRestRefusal(await call(endpointRoute.DELETE, "DELETE", { id: bad }, { key }));
    });

    test(`${name} in event data, keys and idempotency keys`, async () => {
      const post = (json: unknown) => call(eventsRoute.POST, "POST", {}, { key, json, path: "/api/v1/events" });
      expectRestRefusal(await post(sms({ client_ref: bad })));
      expectRestRefusal(await post(sms({ [`x${bad}`]: "1" })));
      expectRestRefusal(await post({ ...sms(), idempotencyKey: bad }));
      expectRestRefusal(await post({ events: [sms(), sms({ error_description: bad })] }));
    });

    test(`${name} in endpoint fields, paramMap and customParams`, async () => {
      const base = { url: "https://example.com/hook", product: "sms", reportType: "dlr", method: "JSON" };
      const create = (json: unknown) => call(endpointsRoute.POST, "POST", {}, { key, json });
      expectRestRefusal(await create({ ...base, description: bad }));
      expectRestRefusal(await create({ ...base, paramMap: { mobile: bad } }));
      expectRestRefusal(await create({ ...base, customParams: [{ key: "k", value: bad }] }));
      expectRestRefusal(
        await call(endpointRoute.PATCH, "PATCH", { id: endpointId }, { key, json: { description: bad } }),
      );
    });

    test(`${name} in query strings`, async () => {
      const q = name === "nul" ? "abc%00def" : "abc%ED%A0%80def";
      expectRestRefusal(await call(eventsRoute.GET, "GET", {}, { key, path: `/api/v1/events?cursor=${q}` }));
      expectRestRefusal(
        await call(deliveriesRoute.GET, "GET", {}, { key, path: `/api/v1/deliveries?endpointId=${q}` }),
      );
    });
  }

  test("out-of-range dates in from/to, since/until and replay since", async () => {
    for (const date of [
      "+275760-09-13T00:00:00Z",
      "-010000-01-01T00:00:00Z",
      "+010000-01-01T00:00:00Z",
      "0000-01-01",
    ]) {
      const q = encodeURIComponent(date);
      expectRestRefusal(await call(eventsRoute.GET, "GET", {}, { key, path: `/api/v1/events?from=${q}` }));
      expectRestRefusal(await call(eventsRoute.GET, "GET", {}, { key, path: `/api/v1/events?to=${q}` }));
      expectRestRefusal(await call(deliveriesRoute.GET, "GET", {}, { key, path: `/api/v1/deliveries?since=${q}` }));
      expectRestRefusal(await call(deliveriesRoute.GET, "GET", {}, { key, path: `/api/v1/deliveries?until=${q}` }));
      expectRestRefusal(await call(replayRoute.POST, "POST", { id: endpointId }, { key, json: { since: date } }));
    }
  });

  test("JSON nested thousands deep", async () => {
    const post = (raw: string) =>
      call(eventsRoute.POST, "POST", {}, { key, raw, contentType: "application/json", path: "/api/v1/events" });
    for (const depth of [100, 5_000]) {
      const nested = `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
      expectRestRefusal(
        await post(
          `{"type":"sms.dlr","data":{"transaction_id":"t","message_id":"m","mobile":"919812345678","status":"delivered","x":${nested}}}`,
        ),
      );
      expectRestRefusal(await post(`{"type":"sms.dlr","data":${"[".repeat(depth)}${"]".repeat(depth)}}`));
    }
  });
});

describe("tRPC: bad input is a 4xx that carries no SQL", () => {
  const signUp = (city: string) => ({
    fullName: "Nul Tester",
    username: `nul_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`,
    email: `nul_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}@example.test`,
    mobileNumber: "919812345678",
    city,
    region: "Maharashtra",
    country: "India",
    password: "correct-horse-1",
  });

  for (const [name, bad] of Object.entries(BAD_STRINGS)) {
    test(`${name} in sign-up, API key names, endpoints and event data`, async () => {
      const anonymous = new BrowserSession(app.url, "198.51.100.200");
      const calls = [
        await anonymous.trpc("mutation", "auth.signUp", signUp(bad)),
        await browser.trpc("mutation", "apiKeys.create", { name: bad }),
        await browser.trpc("mutation", "endpoints.create", {
          url: "https://example.com/hook",
          product: "sms",
          reportType: "dlr",
          method: "JSON",
          customParams: [{ key: "k", value: bad }],
        }),
        await browser.trpc("mutation", "events.sendSample", { type: "sms.dlr", data: sms({ client_ref: bad }).data }),
        await browser.trpc("query", "events.get", { id: bad }),
        await browser.trpc("query", "endpoints.get", { id: bad }),
      ];
      for (const c of calls) {
        expect(c.status, c.text).toBe(400);
        expect(c.error?.data.code).toBe("BAD_REQUEST");
        expectNothingLeaked(c.text);
      }
    });
  }

  test("out-of-range dates", async () => {
    for (const date of [new Date(8.64e15), new Date(-8.64e15), new Date(Date.UTC(12000, 0, 1))]) {
      for (const c of [
        await browser.trpc("query", "events.list", { from: date }),
        await browser.trpc("query", "deliveries.list", { until: date }),
        await browser.trpc("mutation", "deliveries.replay", { endpointId, since: date }),
      ]) {
        expect(c.status, c.text).toBe(400);
        expectNothingLeaked(c.text);
      }
    }
  });

  test("input nested thousands deep", async () => {
    for (const depth of [100, 5_000]) {
      const nested = `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
      const res = await browser.fetch("/api/trpc/events.sendSample", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: `{"json":{"type":"sms.dlr","data":${nested}}}`,
      });
      const text = await res.text();
      expect(res.status, text).toBe(400);
      expectNothingLeaked(text);
    }
  });

  test("an unexpected failure answers a generic message with an error id, and logs the detail", async () => {
    const broken = await createTestDb();
    await broken.close(); // every query on it fails inside the driver
    const brokenApp = await startAppServer({ db: broken.db, runner: new LocalRunner({ db: broken.db }) });
    try {
      const anonymous = new BrowserSession(brokenApp.url, "198.51.100.201");
      const c = await anonymous.trpc("mutation", "auth.signUp", signUp("Pune"));
      expect(c.status).toBe(500);
      expect(c.error?.message).toMatch(/^Something went wrong on our side\. .* error id err_[0-9a-z]+\.$/);
      expect(c.error?.data.errorId).toMatch(/^err_/);
      expectNothingLeaked(c.text);
    } finally {
      await brokenApp.close();
    }
  });
});

describe("tRPC batches", () => {
  test("more than 10 calls in one request are refused; 10 are fine", async () => {
    const batch = (n: number) => {
      const paths = Array.from({ length: n }, () => "apiKeys.list").join(",");
      const input = encodeURIComponent(JSON.stringify({}));
      return browser.fetch(`/api/trpc/${paths}?batch=1&input=${input}`);
    };
    expect((await batch(10)).status).toBe(200);
    const refused = await batch(11);
    expect(refused.status).toBe(400);
    expectNothingLeaked(await refused.text());
  });

  test("API keys: one account cannot create hundreds in a burst", async () => {
    const u = await createActor(h.services);
    const b = new BrowserSession(app.url, "198.51.100.202");
    await b.signIn(u.input.email, u.input.password);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => b.trpc("mutation", "apiKeys.create", { name: `burst ${i}` })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(10);
    const refused = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(20);
    expect(refused[0]!.error?.message).toMatch(/^Too many requests of this kind\. Try again in \d+/);
  });
});
