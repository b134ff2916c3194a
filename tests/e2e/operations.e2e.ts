import { afterAll, afterEach, beforeAll, beforeEach, expect, inject, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startReceiver, type Receiver } from "../helpers/receiver";
import { launchBrowser, openPage, screenshot } from "./browser";
import { createEndpoint, endpointRow, openEndpointDetails } from "./create-endpoint";
import { newProfile, signUp } from "./sign-up";

// Deliveries going wrong and being put right: the delivery log, Retry, health, replay, 410 →
// disabled → re-enable; the dashboards.
let browser: Browser;
let receiver: Receiver;
const broken = {
  status: 500,
  headers: { "content-type": "application/json" },
  body: '{"error":"database unavailable"}',
};
const fixed = { status: 200, headers: { "content-type": "application/json" }, body: '{"ok":true}' };

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());
beforeEach(async () => {
  receiver = await startReceiver();
  receiver.respondWith(fixed);
});
afterEach(() => receiver?.close());

/** A new customer with a JSON endpoint "Order DLRs" on the receiver; the page is left on the webhooks table. */
async function setUp(page: Page, base: string) {
  await signUp(page, base, newProfile("Ops Tester", "ops"));
  await createEndpoint(page, base, { url: `${receiver.url}/ops`, description: "Order DLRs" });
}

/** Events page → Send sample event (an SMS DLR) → the new event's page; returns its URL. */
async function sendSample(page: Page, base: string, { delivered = true } = {}) {
  await page.goto(`${base}/events`);
  await page.getByRole("button", { name: "Send sample event" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Send sample event" });
  await dialog.getByLabel("Event type").selectOption("sms.dlr");
  const receiving = dialog.getByRole("region", { name: "Receiving endpoints" });
  if (delivered) await receiving.getByText(`${receiver.url}/ops`).waitFor();
  else await receiving.getByText(/No active endpoint is subscribed/).waitFor();
  await dialog.getByRole("button", { name: "Send event" }).click();
  await page.waitForURL(/\/events\/evt_/);
  return page.url();
}

/** Sends a sample event and waits until its delivery has `outcome` ("Failed" once every attempt failed). */
async function sendSampleUntil(page: Page, base: string, outcome: "Failed" | "Succeeded") {
  await sendSample(page, base);
  await page.getByTestId("event-delivery").first().getByText(outcome).waitFor({ timeout: 20_000 });
}

test("a failing endpoint: the failed attempt with status and body; fixed, Retry → succeeded; health shows both", async () => {
  const base = inject("baseUrl");
  const page = await openPage(browser);
  await setUp(page, base);

  // The receiver is down: every attempt (schedule 0s, 1s, 1s in e2e) gets a 500 with a body.
  receiver.respondWith(broken);
  await sendSample(page, base);
  const deliveryRow = page.getByTestId("event-delivery").first();
  await deliveryRow.getByText("Failed").waitFor({ timeout: 20_000 });
  await screenshot(page, "operations-01-event-failed");

  // The event links to the endpoint's delivery log, opened on this delivery.
  await deliveryRow.getByRole("link", { name: /View attempts/ }).click();
  await page.waitForURL(/\/webhooks\/ep_.*delivery=dlv_/);
  const detail = page.getByRole("dialog", { name: "Delivery" });
  const attempts = detail.getByTestId("attempt");
  await attempts.nth(2).waitFor();
  await expect(attempts.count()).resolves.toBe(3);
  const first = attempts.first();
  await first.getByText("500").first().waitFor();
  await first
    .getByText(/database unavailable/)
    .first()
    .waitFor();
  await screenshot(page, "operations-02-delivery-log-failed-attempt", { fullPage: false });
  await detail.getByRole("button", { name: "Close", exact: true }).click();

  // Fixed: Retry from the log turns it into a success.
  receiver.respondWith(fixed);
  const before = receiver.requests.length;
  const row = page.getByTestId("delivery-row").first();
  await row.getByText("Failed").waitFor();
  await row.getByRole("button", { name: "Retry" }).click();
  await row.getByText("Succeeded").waitFor({ timeout: 20_000 });
  expect(receiver.requests.length).toBe(before + 1);
  await screenshot(page, "operations-03-delivery-log-retried");

  // Health: one success and three failures, both drawn in the attempts chart.
  await page.getByRole("tab", { name: "Health" }).click();
  const summary = page.getByTestId("health-summary");
  await summary.getByText("25%").waitFor();
  await summary.getByText("1 of 4 attempts").waitFor();
  const chart = page.getByRole("img", { name: "Attempts over time: 4 attempts" });
  await chart.waitFor();
  await expect(chart.locator("rect.fill-emerald-500").count()).resolves.toBeGreaterThan(0);
  await expect(chart.locator("rect.fill-red-500").count()).resolves.toBeGreaterThan(0);
  expect(new URL(page.url()).searchParams.get("tab")).toBe("health");
  await screenshot(page, "operations-04-endpoint-health");
});

test("Replay failed…: replays only the failed deliveries, with progress to the end; the log shows all succeeded", async () => {
  const base = inject("baseUrl");
  const page = await openPage(browser);
  await setUp(page, base);

  // One delivered event (not replayed), then down for two events, then fixed.
  await sendSampleUntil(page, base, "Succeeded");
  receiver.respondWith(broken);
  for (let i = 0; i < 2; i++) await sendSampleUntil(page, base, "Failed");
  receiver.respondWith(fixed);

  await openEndpointDetails(page, base, "Order DLRs");
  await page.getByRole("button", { name: "Replay failed…" }).click();
  const replay = page.getByRole("dialog", { name: "Replay failed deliveries" });
  await replay.getByRole("button", { name: "Replay 2 deliveries" }).click();
  await replay.getByText("Replay finished").waitFor({ timeout: 30_000 });
  await replay.getByTestId("replay-progress").getByText("2 of 2 done").waitFor();
  await screenshot(page, "operations-05-replay-finished", { fullPage: false });
  await replay.getByRole("button", { name: "Done" }).click();

  await page.getByRole("tab", { name: "Deliveries" }).click();
  await page.getByTestId("delivery-row").getByText("Succeeded").nth(2).waitFor();
  await expect(page.getByTestId("delivery-row").count()).resolves.toBe(3);
  await screenshot(page, "operations-06-delivery-log");
});

test("410 Gone disables the endpoint; Re-enable offers to replay the failed delivery and the missed event", async () => {
  const base = inject("baseUrl");
  const page = await openPage(browser);
  await setUp(page, base);

  // An event sent while disabled gets no delivery.
  receiver.respondWith({ status: 410, body: "gone" });
  await sendSampleUntil(page, base, "Failed");
  await sendSample(page, base, { delivered: false });
  await page.getByText("No endpoint received this event").waitFor();
  receiver.respondWith(fixed);

  await page.goto(`${base}/webhooks`);
  await endpointRow(page, "Order DLRs").getByText("Disabled").waitFor();
  await openEndpointDetails(page, base, "Order DLRs");
  await page.getByText("This webhook is disabled").waitFor();
  await page.getByText(/410/).first().waitFor();
  await screenshot(page, "operations-07-disabled");
  await page.getByRole("button", { name: "Re-enable…" }).first().click();
  const reEnable = page.getByRole("alertdialog", { name: "Re-enable this webhook?" });
  await reEnable.getByText(/Why it was disabled/).waitFor();
  await reEnable.getByRole("button", { name: "Re-enable webhook" }).click();
  const missed = page.getByRole("dialog", { name: "Replay failed deliveries" });
  await missed
    .getByTestId("replay-count")
    .getByText(/1 failed and 1 missed/)
    .waitFor();
  await screenshot(page, "operations-08-re-enabled-replay-offer", { fullPage: false });
  await missed.getByRole("button", { name: "Replay 2 deliveries" }).click();
  await missed.getByTestId("replay-progress").getByText("2 of 2 done").waitFor({ timeout: 30_000 });
  await missed.getByRole("button", { name: "Done" }).click();
  await expect(page.getByText("This webhook is disabled").count()).resolves.toBe(0);
});

test("dashboards: health across endpoints, the events list, the API reference and its OpenAPI document", async () => {
  const base = inject("baseUrl");
  const page = await openPage(browser);
  await setUp(page, base);
  // Something to show: one delivered event and one that failed.
  await sendSampleUntil(page, base, "Succeeded");
  receiver.respondWith(broken);
  await sendSampleUntil(page, base, "Failed");

  await page.goto(`${base}/health`);
  await page.getByRole("link", { name: "Order DLRs" }).waitFor();
  await screenshot(page, "operations-09-health-dashboard");
  await page.goto(`${base}/events`);
  await page.getByRole("heading", { name: "Events" }).waitFor();
  await screenshot(page, "operations-10-events");
  await page.goto(`${base}/api-reference`);
  await page
    .getByRole("link", { name: /OpenAPI/ })
    .first()
    .waitFor();
  await screenshot(page, "operations-11-api-reference", { fullPage: false });
  const spec = await fetch(`${base}/api/v1/openapi.json`);
  expect(spec.status).toBe(200);
  expect((await spec.json()).openapi).toMatch(/^3\.1/);
});
