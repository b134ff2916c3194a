import { afterAll, afterEach, beforeAll, beforeEach, expect, inject, test } from "vitest";
import type { Browser } from "playwright-core";
import { startReceiver, type Receiver } from "../helpers/receiver";
import { launchBrowser, openPage, screenshot } from "./browser";
import { createEndpoint, openEndpointDetails } from "./create-endpoint";
import { newProfile, signUp } from "./sign-up";

// The details page's Pause/Resume and Delete; unknown ids.
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

test("details page: Pause shows the paused banner, Resume removes it", async () => {
  const base = inject("baseUrl");
  const page = await openPage(browser);
  await signUp(page, base, newProfile("Details Tester", "dt"));
  await createEndpoint(page, base, { url: `${receiver.url}/sms`, description: "SMS delivery reports" });
  await openEndpointDetails(page, base, `${receiver.url}/sms`);

  await page.getByRole("button", { name: "Pause" }).click();
  await page.getByText("This webhook is paused").waitFor();
  await screenshot(page, "webhook-details-05-paused");
  await page.getByRole("button", { name: "Resume" }).click();
  await page.getByRole("button", { name: "Pause" }).waitFor();
  await expect(page.getByText("This webhook is paused").count()).resolves.toBe(0);
});

test("details page: Delete, confirmed, leaves an empty webhooks table", async () => {
  const base = inject("baseUrl");
  const page = await openPage(browser);
  await signUp(page, base, newProfile("Details Tester", "dt"));
  await createEndpoint(page, base, { url: `${receiver.url}/sms`, description: "SMS delivery reports" });
  await openEndpointDetails(page, base, `${receiver.url}/sms`);

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete webhook" }).click();
  await page.waitForURL(/\/webhooks$/);
  await page.getByText("No webhooks configured yet").waitFor();
});

test("an unknown webhook, its edit page and an unknown event are 404 pages (HTTP 404), not errors", async () => {
  const base = inject("baseUrl");
  const page = await openPage(browser);
  await signUp(page, base, newProfile("Details Tester", "dt"));
  for (const path of [
    "/webhooks/ep_doesnotexist000000000000",
    "/webhooks/ep_doesnotexist000000000000/edit",
    "/events/evt_doesnotexist00000000000",
  ]) {
    const res = await page.goto(`${base}${path}`);
    expect(res?.status(), path).toBe(404);
    await page.getByText("Page not found").waitFor();
  }
});
