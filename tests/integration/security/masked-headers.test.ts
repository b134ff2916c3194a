import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { MASKED_VALUE } from "@/server/endpoints/schemas";
import { startAppServer } from "@/tests/helpers/app-server";
import { BrowserSession } from "@/tests/helpers/browser-session";
import { setupIntegration } from "@/tests/helpers/integration";
import { startReceiver, type Receiver } from "@/tests/helpers/receiver";
import { createActor } from "@/tests/helpers/actors";

const h = setupIntegration();
let app: { url: string; close: () => Promise<void> };
let browser: BrowserSession;
let saved: Receiver;
let other: Receiver;
let endpointId: string;
const SECRET = "Bearer live-credential-123";

beforeAll(async () => {
  app = await startAppServer(h.services);
  [saved, other] = await Promise.all([startReceiver(), startReceiver()]);
  const u = await createActor(h.services);
  browser = new BrowserSession(app.url);
  await browser.signIn(u.input.email, u.input.password);
  const created = await browser.trpc("mutation", "endpoints.create", {
    url: `${saved.url}/hook`,
    product: "sms",
    reportType: "dlr",
    method: "JSON",
    customHeaders: [{ name: "Authorization", value: SECRET }],
  });
  endpointId = (created.data as { endpoint: { id: string } }).endpoint.id;
});
afterAll(async () => {
  await Promise.all([app?.close(), saved?.close(), other?.close()]);
});

const draft = (url: string, value = MASKED_VALUE) => ({
  id: endpointId,
  url,
  product: "sms",
  reportType: "dlr",
  method: "JSON",
  customHeaders: [{ name: "Authorization", value }],
});

describe("a stored header value is only sent to the origin it was saved for", () => {
  test("Test Webhook with the masked value and a new host: refused, nothing sent there", async () => {
    const res = await browser.trpc("mutation", "endpoints.testDraft", draft(`${other.url}/steal`));
    expect(res.status).toBe(400);
    expect(res.error?.message).toMatch(/another server/);
    expect(res.error?.data.issues).toEqual([
      {
        path: ["customHeaders", 0, "value"],
        message: expect.stringMatching(/Enter the value of 'Authorization' again/),
      },
    ]);
    expect(other.requests).toHaveLength(0);
  });

  test("the same origin (another path) still uses the stored value", async () => {
    const res = await browser.trpc("mutation", "endpoints.testDraft", draft(`${saved.url}/other-path`));
    expect(res.status).toBe(200);
    expect(saved.requests.at(-1)!.headers.authorization).toBe(SECRET);
  });

  test("a value typed again goes to the new host", async () => {
    const res = await browser.trpc("mutation", "endpoints.testDraft", draft(`${other.url}/new`, "Bearer typed-again"));
    expect(res.status).toBe(200);
    expect(other.requests.at(-1)!.headers.authorization).toBe("Bearer typed-again");
  });

  test("saving a new origin with masked values is refused too (PATCH keeps nothing it should not)", async () => {
    const masked = await browser.trpc("mutation", "endpoints.update", {
      id: endpointId,
      data: { url: `${other.url}/hook`, customHeaders: [{ name: "Authorization", value: MASKED_VALUE }] },
    });
    expect(masked.status).toBe(400);
    const omitted = await browser.trpc("mutation", "endpoints.update", {
      id: endpointId,
      data: { url: `${other.url}/hook` },
    });
    expect(omitted.status).toBe(400);
    const sameOrigin = await browser.trpc("mutation", "endpoints.update", {
      id: endpointId,
      data: { url: `${saved.url}/moved` },
    });
    expect(sameOrigin.status).toBe(200);
  });
});
