import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as eventsRoute from "@/app/api/v1/events/route";
import type { DbHandle } from "@/db/client";
import { deliveries, deliveryAttempts } from "@/db/schema";
import type { AppServices } from "@/server/app-services";
import { createApiKey } from "@/server/api-keys/create-api-key";
import { LocalRunner } from "@/server/delivery/runners/local-runner";
import { startAppServer } from "@/tests/helpers/app-server";
import { BrowserSession } from "@/tests/helpers/browser-session";
import { createTestDb } from "@/tests/helpers/db";
import { startReceiver, type Receiver } from "@/tests/helpers/receiver";
import { call, type Handler } from "@/tests/helpers/rest-client";
import { createUser } from "@/tests/helpers/users";
import { until } from "@/tests/helpers/wait-until";

let h: DbHandle;
let runner: LocalRunner;
let services: AppServices;
let app: { url: string; close: () => Promise<void> };
let receiver: Receiver;
let browser: BrowserSession;
let key: string;

beforeAll(async () => {
  h = await createTestDb();
  runner = new LocalRunner({ db: h.db, idlePollMs: 50, attempt: { allowPrivateNetworks: true } });
  runner.start();
  services = { db: h.db, runner };
  app = await startAppServer(services);
  receiver = await startReceiver();
  const u = await createUser(h.db);
  browser = new BrowserSession(app.url);
  await browser.signIn(u.email, u.password);
  key = (
    await createApiKey(
      { db: h.db, actor: { userId: u.userId, accountId: u.accountId, role: "customer" } },
      { name: "k" },
    )
  ).key;
  const created = await browser.trpc("mutation", "endpoints.create", {
    url: `${receiver.url}/in`,
    product: "sms",
    reportType: "dlr",
    method: "JSON",
    payloadFormat: "envelope",
    eventTypes: ["sms.mo"],
  });
  expect(created.status, created.text).toBe(200);
});
afterAll(async () => {
  await runner?.stop();
  await Promise.all([app?.close(), receiver?.close()]);
  await h?.close();
});

const MOBILE = "919812345678";
const TEXT = "My OTP is 4411, please call me";

async function ingest() {
  const res = await call(
    eventsRoute.POST.with(services) as unknown as Handler<Record<string, never>>,
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

    const before = receiver.requests.length;
    const id = await ingest();
    const [sent] = (await receiver.waitFor(before + 1)).slice(before);
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

    const before = receiver.requests.length;
    const second = await ingest();
    await receiver.waitFor(before + 1);
    expect((await storedAttempt(second)).body).toContain(MOBILE);
    const secondView = await browser.trpc("query", "events.get", { id: second });
    expect(secondView.data).toMatchObject({ masked: false, data: { from: MOBILE, text: TEXT } });
    const firstView = await browser.trpc("query", "events.get", { id: first });
    expect(firstView.data).toMatchObject({ masked: true, data: { from: "9198XXXXX678" } });
  });
});
