import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as eventsRoute from "@/app/api/v1/events/route";
import { deliveries, deliveryAttempts } from "@/db/schema";
import { createApiKey } from "@/server/api-keys/create-api-key";
import { startAppServer } from "@/tests/helpers/app-server";
import { BrowserSession } from "@/tests/helpers/browser-session";
import { setupIntegration } from "@/tests/helpers/integration";
import { restClient } from "@/tests/helpers/rest-client";
import { createActor } from "@/tests/helpers/actors";
import { until } from "@/tests/helpers/wait-until";

const h = setupIntegration({ runner: { idlePollMs: 50, attempt: { allowPrivateNetworks: true } }, receiver: true });
const { call } = restClient(() => h.services);
let app: { url: string; close: () => Promise<void> };
let browser: BrowserSession;
let key: string;

beforeAll(async () => {
  app = await startAppServer(h.services);
  const u = await createActor(h.services);
  browser = new BrowserSession(app.url);
  await browser.signIn(u.input.email, u.input.password);
  key = (
    await createApiKey(
      { db: h.db, actor: { userId: u.userId, accountId: u.accountId, role: "customer" } },
      { name: "k" },
    )
  ).key;
  const created = await browser.trpc("mutation", "endpoints.create", {
    url: `${h.receiver.url}/in`,
    product: "sms",
    reportType: "dlr",
    method: "JSON",
    payloadFormat: "envelope",
    eventTypes: ["sms.mo"],
  });
  expect(created.status, created.text).toBe(200);
});
afterAll(() => app?.close());

const MOBILE = "919812345678";
const TEXT = "My OTP is 4411, please call me";

async function ingest() {
  const res = await call(
    eventsRoute.POST,
    "POST",
    {},
    {
      key,
      path: "/api/v1/events",
      json: {
        type: "sms.mo",
        data: {
          message_id: `mo-${Date.now()}`,
          from: MOBILE,
          to: "56161",
          text: TEXT,
          received_time: "2025-12-31 10:18:44",
        },
      },
    },
  );
  expect(res.status, res.text).toBe(202);
  return res.data.id as string;
}

async function storedAttempt(eventId: string) {
  const rows = await until(
    () =>
      h.db
        .select({ request: deliveryAttempts.request })
        .from(deliveryAttempts)
        .innerJoin(deliveries, eq(deliveries.id, deliveryAttempts.deliveryId))
        .where(eq(deliveries.eventId, eventId)),
    (r) => r.length > 0,
  );
  return rows.at(-1)!.request;
}

describe("PII masking (on by default for new accounts)", () => {
  test("the receiver gets the full number and text; the log and the event view show them masked", async () => {
    const privacy = await browser.trpc("query", "account.privacy");
    expect(privacy.data).toMatchObject({ piiMasking: true });

    const before = h.receiver.requests.length;
    const id = await ingest();
    const [sent] = (await h.receiver.waitFor(before + 1)).slice(before);
    expect(JSON.parse(sent!.body).data).toMatchObject({ from: MOBILE, text: TEXT });

    const stored = await storedAttempt(id);
    expect(stored.body).toContain("9198XXXXX678");
    expect(stored.body).toContain("[message hidden: 30 characters]");
    expect(stored.body).not.toContain(MOBILE);
    expect(stored.body).not.toContain("4411");

    const view = await browser.trpc("query", "events.get", { id });
    expect(view.data).toMatchObject({
      masked: true,
      data: { from: "9198XXXXX678", text: "[message hidden: 30 characters]" },
    });
  });

  test("turned off: new deliveries are logged in full; what was masked stays masked", async () => {
    const first = await ingest();
    await storedAttempt(first);
    const saved = await browser.trpc("mutation", "account.savePrivacy", { piiMasking: false, retentionDays: 30 });
    expect(saved.status).toBe(200);

    const before = h.receiver.requests.length;
    const second = await ingest();
    await h.receiver.waitFor(before + 1);
    expect((await storedAttempt(second)).body).toContain(MOBILE);
    const secondView = await browser.trpc("query", "events.get", { id: second });
    expect(secondView.data).toMatchObject({ masked: false, data: { from: MOBILE, text: TEXT } });
    const firstView = await browser.trpc("query", "events.get", { id: first });
    expect(firstView.data).toMatchObject({ masked: true, data: { from: "9198XXXXX678" } });
  });
});
