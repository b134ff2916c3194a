import { afterAll, beforeAll, expect, inject, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startReceiver, type Receiver } from "../helpers/receiver";
import { launchBrowser, openPage, screenshot } from "./browser";
import { createEndpoint } from "./create-endpoint";
import { fillSignUp } from "./fill-sign-up";
import { expectFits, watchConsole } from "./page-checks";
import { newProfile, signUp, uniqueId } from "./sign-up";

// Every page at a laptop's 1366 px and a phone's 390 px: nothing scrolls sideways, and React
// reports no hydration error on any of them.
let browser: Browser;
let receiver: Receiver;
beforeAll(async () => {
  browser = await launchBrowser();
  receiver = await startReceiver();
});
afterAll(async () => {
  await browser?.close();
  await receiver?.close();
});

const WIDTHS = [1366, 390] as const;

async function sendSample(page: Page, base: string) {
  await page.goto(`${base}/events`);
  await page.getByRole("button", { name: "Send sample event" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Send sample event" });
  await dialog.getByLabel("Event type").selectOption("sms.dlr");
  await dialog.getByRole("button", { name: "Send event" }).click();
  await page.waitForURL(/\/events\/evt_/);
  return new URL(page.url()).pathname;
}

test("a customer's pages fit 1366 and 390 px, with no hydration errors", async () => {
  const base = inject("baseUrl");
  const page = await openPage(browser);
  const logs = watchConsole(page);
  await signUp(page, base, newProfile("Layout Tester", "fit"));
  const long = `${receiver.url}/a-rather-long-path/for/delivery-reports/callback?token=abcdefghijklmnopqrstuvwxyz`;
  await createEndpoint(page, base, { url: long, description: "Order delivery reports for the production CRM" });
  const endpoint = (await page
    .getByRole("link", { name: /View Details/ })
    .first()
    .getAttribute("href"))!;
  const event = await sendSample(page, base);
  await sendSample(page, base);

  const paths = [
    "/overview",
    "/webhooks",
    "/webhooks/new",
    endpoint,
    `${endpoint}?tab=deliveries`,
    `${endpoint}?tab=health`,
    `${endpoint}/edit`,
    "/events",
    event,
    "/health",
    "/settings",
    "/settings/api-keys",
    "/api-reference",
  ];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of paths) await expectFits(page, base, path);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/webhooks`, { waitUntil: "networkidle" });
  await screenshot(page, "fit-01-webhooks-390");
  await page.goto(`${base}/events`, { waitUntil: "networkidle" });
  await screenshot(page, "fit-02-events-390");
  await page.goto(`${base}${endpoint}?tab=deliveries`, { waitUntil: "networkidle" });
  await screenshot(page, "fit-03-deliveries-390");
  expect(logs.hydrationErrors()).toEqual([]);
});

test("a reseller's pages and the storefront fit 1366 and 390 px, with no hydration errors", async () => {
  const base = inject("baseUrl");
  const page = await openPage(browser);
  const logs = watchConsole(page);
  const slug = `fit-${uniqueId()}`;
  await page.goto(`${base}/sign-up`);
  await fillSignUp(page, newProfile("Fit Reseller", "fitr"));
  await page.getByText("Register as a reseller").click();
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/overview/);
  await page.goto(`${base}/reseller/white-label`);
  await page.getByLabel("Brand name").fill("Fit Messaging");
  await page.getByLabel("Slug").fill(slug);
  await page.getByRole("button", { name: "Save Changes" }).first().click();
  await page.getByText("Storefront saved.").waitFor();

  const visitor = await openPage(browser);
  const visitorLogs = watchConsole(visitor);
  await visitor.goto(`${base}/r/${slug}/sign-up`);
  await fillSignUp(visitor, newProfile("Visitor Fit", "vfit"));
  await visitor.getByRole("button", { name: "Sign up" }).click();
  await visitor.waitForURL(/\/overview/);

  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ["/reseller/customers", "/reseller/white-label", "/reseller/signup-webhook"])
      await expectFits(page, base, path);
    await visitor.setViewportSize({ width, height: 900 });
    await expectFits(visitor, base, "/overview");
  }
  const anonymous = await openPage(browser);
  for (const width of WIDTHS) {
    await anonymous.setViewportSize({ width, height: 900 });
    for (const path of ["/sign-in", "/sign-up", `/r/${slug}/sign-up`, `/r/${slug}/sign-in`])
      await expectFits(anonymous, base, path);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/reseller/customers`, { waitUntil: "networkidle" });
  await screenshot(page, "fit-04-customers-390");
  expect(logs.hydrationErrors()).toEqual([]);
  expect(visitorLogs.hydrationErrors()).toEqual([]);
});
