import { afterAll, afterEach, beforeAll, beforeEach, expect, inject, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startReceiver, type Receiver } from "../helpers/receiver";
import { launchBrowser, openPage, screenshot } from "./browser";
import { createEndpoint } from "./create-endpoint";
import { fillSignUp } from "./fill-sign-up";
import { watchConsole } from "./page-checks";
import { newProfile, signUp, uniqueId } from "./sign-up";

// The operator's journeys of issue 15: WhatsApp samples reach the account's own number, find any
// message, the overview with a failing endpoint and its alert at the operational webhook, and a
// reseller's brand from its storefront sign-in to the app shell.
let browser: Browser;
let receiver: Receiver;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());
beforeEach(async () => {
  receiver = await startReceiver();
});
afterEach(() => receiver?.close());

/** Send sample event with `type`, the payload edited by `edit`; waits for the event's page. */
async function sendSample(page: Page, base: string, type: string, edit?: (data: Record<string, unknown>) => void) {
  await page.goto(`${base}/events`);
  await page.getByRole("button", { name: "Send sample event" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Send sample event" });
  await dialog.getByLabel("Event type").selectOption(type);
  if (edit) {
    const payload = dialog.getByLabel("Payload (data)");
    const data = JSON.parse(await payload.inputValue());
    edit(data);
    await payload.fill(JSON.stringify(data, null, 2));
  }
  return dialog;
}

test("WhatsApp: Send sample event uses the account's own WABA number (+91 98765 00001 as typed); another number is named as unmatched", async () => {
  const base = inject("baseUrl");
  const page = await openPage(browser);
  await signUp(page, base, newProfile("WhatsApp Tester", "wa"));
  await page.goto(`${base}/settings`);
  await page.getByRole("textbox", { name: "WABA number" }).fill("+91 98765 00001");
  await page.getByRole("button", { name: "Add number" }).click();
  await page.getByText("919876500001").first().waitFor();

  await createEndpoint(page, base, {
    url: `${receiver.url}/wa-mo`,
    fill: async (p) => {
      await p.getByLabel("Product").selectOption("whatsapp");
      await p.getByLabel("Webhook Report Type").selectOption("mo");
      await p.getByLabel("Waba Number").selectOption("919876500001");
      await p.getByLabel("Webhook Server Send Method").selectOption("JSON");
      await p.getByLabel("Webhook (URL Endpoint)").fill(`${receiver.url}/wa-mo`);
    },
  });

  const dialog = await sendSample(page, base, "whatsapp.mo");
  const receiving = dialog.getByRole("region", { name: "Receiving endpoints" });
  await receiving.getByText(`${receiver.url}/wa-mo`).waitFor();
  await screenshot(page, "operator-01-whatsapp-sample", { fullPage: false });
  await dialog.getByRole("button", { name: "Send event" }).click();
  const [got] = await receiver.waitFor(1, 20_000);
  expect(JSON.parse(got!.body).waba_number).toBe("919876500001");

  // Another number in the payload: the dialog says no endpoint uses it, and which ones there are.
  const other = await sendSample(page, base, "whatsapp.mo", (d) => (d.waba_number = "919000000000"));
  await other
    .getByText(
      "No active endpoint subscribed to whatsapp.mo uses WABA number 919000000000. Your whatsapp.mo endpoints use 919876500001",
      { exact: false },
    )
    .waitFor();
});

test("find any message: by transaction_id on Events, by mobile with + on an endpoint's deliveries", async () => {
  const base = inject("baseUrl");
  const page = await openPage(browser);
  await signUp(page, base, newProfile("Support Tester", "sup"));
  await createEndpoint(page, base, { url: `${receiver.url}/dlr`, description: "DLRs" });
  const endpoint = (await page
    .getByRole("link", { name: /View Details/ })
    .first()
    .getAttribute("href"))!;
  const tx = `7${Date.now()}`;
  for (const [id, mobile] of [
    [tx, "919811100001"],
    ["5550001", "919822200002"],
  ]) {
    const dialog = await sendSample(page, base, "sms.dlr", (d) => {
      d.transaction_id = id;
      d.mobile = mobile;
    });
    await dialog.getByRole("button", { name: "Send event" }).click();
    await page.waitForURL(/\/events\/evt_/);
  }

  await page.goto(`${base}/events`);
  await page.getByLabel("Find a message").fill(tx);
  await page.waitForURL(new RegExp(`q=${tx}`));
  await expect.poll(() => page.getByTestId("event-row").count(), { timeout: 10_000 }).toBe(1);
  await screenshot(page, "operator-02-search-transaction");

  await page.goto(`${base}${endpoint}?tab=deliveries`);
  await page.getByLabel("Find a message").fill("+91 98222 00002");
  await expect.poll(() => page.getByTestId("delivery-row").count(), { timeout: 10_000 }).toBe(1);
  await page.getByLabel("Find a message").fill("+910000000000");
  await page.getByText(/No delivery to this endpoint for/).waitFor();
});

test("a failing endpoint on the overview, in the bell, and as endpoint.failing at the operational webhook", async () => {
  const base = inject("baseUrl");
  const page = await openPage(browser);
  const logs = watchConsole(page);
  receiver.respondWith((req) =>
    req.url.startsWith("/orders") ? { status: 503, body: "maintenance" } : { status: 200 },
  );
  const me = await signUp(page, base, newProfile("Alert Tester", "alert"));

  await page.goto(`${base}/settings`);
  await page.getByLabel("Operational webhook URL").fill(`${receiver.url}/ops`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Done" }).click();
  await page.getByText("Operational webhook saved.").waitFor();

  await createEndpoint(page, base, { url: `${receiver.url}/orders`, description: "Order DLRs" });
  // 5 deliveries fail (each after its 3 attempts in e2e): the endpoint is failing.
  for (let i = 0; i < 5; i++) {
    const dialog = await sendSample(page, base, "sms.dlr");
    await dialog.getByRole("button", { name: "Send event" }).click();
    await page.waitForURL(/\/events\/evt_/);
    await page.getByTestId("event-delivery").first().getByText("Failed").waitFor({ timeout: 20_000 });
  }

  await page.goto(`${base}/overview`);
  const attention = page.getByTestId("attention");
  await attention.getByText("Order DLRs").waitFor();
  await attention.getByText(/5 failed deliveries in a row/).waitFor();

  // The alert watcher runs every 5 s.
  const failingAlert = () =>
    receiver.requests.find((r) => r.url.startsWith("/ops") && JSON.parse(r.body).type === "endpoint.failing");
  await expect.poll(failingAlert, { timeout: 30_000 }).toBeTruthy();
  const alert = failingAlert()!;
  expect(JSON.parse(alert.body).data).toMatchObject({
    endpoint_description: "Order DLRs",
    failed_deliveries_in_a_row: 5,
  });
  expect(alert.headers["webhook-signature"]).toMatch(/^v1,/);

  await page.reload();
  const bell = page.getByRole("button", { name: /Notifications, 1 unread/ }).filter({ visible: true });
  await bell.click();
  await page.getByRole("region", { name: "Notifications" }).getByText("Endpoint failing: Order DLRs").waitFor();
  await screenshot(page, "operator-03-overview-failing-bell", { fullPage: false });
  expect(me.email).toContain("@");
  expect(logs.hydrationErrors()).toEqual([]);
});

test("white label end to end: branded sign-in and sign-up, the real form in the preview, the reseller's brand in the app", async () => {
  const base = inject("baseUrl");
  const slug = `brand-${uniqueId()}`;
  const reseller = await openPage(browser);
  await reseller.goto(`${base}/sign-up`);
  await fillSignUp(reseller, newProfile("Brand Reseller", "brand"));
  await reseller.getByText("Register as a reseller").click();
  await reseller.getByRole("button", { name: "Create account" }).click();
  await reseller.waitForURL(/\/overview/);
  await reseller.goto(`${base}/reseller/white-label`);
  await reseller.getByLabel("Brand name").fill("Teal Telecom");
  await reseller.getByLabel("Slug").fill(slug);
  await reseller.getByLabel("Primary colour").fill("#0f766e");
  await reseller.getByRole("button", { name: "Save Changes" }).first().click();
  await reseller.getByText("Storefront saved.").waitFor();
  // The preview is the real sign-up form: all eight fields.
  const preview = reseller.getByTestId("storefront-preview");
  expect(await preview.locator("input").count()).toBe(8);
  await screenshot(reseller, "operator-04-white-label-preview");

  const visitor = await openPage(browser, { width: 390, height: 844 });
  await visitor.goto(`${base}/r/${slug}/sign-in`);
  await visitor.getByRole("heading", { name: "Sign in to Teal Telecom" }).waitFor();
  await screenshot(visitor, "operator-05-storefront-sign-in");
  await visitor.getByRole("link", { name: "Create an account" }).click();
  await visitor.waitForURL(new RegExp(`/r/${slug}/sign-up`));
  const profile = newProfile("Teal Customer", "teal");
  await fillSignUp(visitor, profile);
  await visitor.getByRole("button", { name: "Sign up" }).click();
  await visitor.waitForURL(/\/overview/);
  await expect.poll(() => visitor.title()).toContain("Teal Telecom");
  await visitor.setViewportSize({ width: 1366, height: 900 });
  const brand = visitor.getByTestId("shell-brand").filter({ visible: true });
  await expect(brand.textContent()).resolves.toBe("Teal Telecom");
  expect(await visitor.getByText(/Hookline/).count()).toBe(0);
  await screenshot(visitor, "operator-06-branded-app");

  await visitor.getByRole("button", { name: "Sign out" }).filter({ visible: true }).click();
  await visitor.waitForURL(new RegExp(`/r/${slug}/sign-in`));
  await visitor.getByLabel("Email").fill(profile.email);
  await visitor.getByLabel("Password").fill(profile.password);
  await visitor.getByRole("button", { name: "Sign in" }).click();
  await visitor.waitForURL(/\/overview/);
});
