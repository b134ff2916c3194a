import { afterAll, afterEach, beforeAll, beforeEach, expect, inject, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { Webhook } from "standardwebhooks";
import { startReceiver, type ReceivedRequest, type Receiver } from "../helpers/receiver";
import { launchBrowser, openPage, screenshot } from "./browser";
import { createEndpoint, openEndpointDetails } from "./create-endpoint";
import { newProfile, signUp } from "./sign-up";

// The signing secret on the details page: reveal, Test Webhook (signed with it), rotate.
let browser: Browser;
let receiver: Receiver;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());
beforeEach(async () => {
  receiver = await startReceiver();
  receiver.respondWith({ status: 200, headers: { "content-type": "application/json" }, body: '{"ok":true}' });
});
afterEach(() => receiver?.close());

function verify(secret: string, req: ReceivedRequest) {
  const headers = {
    "webhook-id": String(req.headers["webhook-id"]),
    "webhook-timestamp": String(req.headers["webhook-timestamp"]),
    "webhook-signature": String(req.headers["webhook-signature"]),
  };
  return new Webhook(secret).verify(req.body, headers);
}

/** A new customer with an SMS DLR endpoint sending JSON (standardwebhooks' verify parses it). */
async function setUp(page: Page) {
  const base = inject("baseUrl");
  await signUp(page, base, newProfile("Details Tester", "dt"));
  const secret = await createEndpoint(page, base, { url: `${receiver.url}/sms`, description: "SMS delivery reports" });
  return { base, secret };
}

test("details page: the secret is hidden, Reveal shows the one the create dialog showed", async () => {
  const page = await openPage(browser);
  const { base, secret } = await setUp(page);
  // The table fits the page: no sideways scrolling of the whole page.
  await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
  await screenshot(page, "webhook-details-00-table");
  await openEndpointDetails(page, base, `${receiver.url}/sms`);
  await page.getByRole("heading", { name: "SMS delivery reports" }).waitFor();
  await expect(page.getByTestId("signing-secret").textContent()).resolves.not.toContain(secret);
  await screenshot(page, "webhook-details-01-overview");

  await page.getByRole("button", { name: "Reveal" }).click();
  await page.getByTestId("signing-secret").getByText(secret).waitFor();
});

test("details page: Test Webhook sends a request the receiver verifies with the secret", async () => {
  const page = await openPage(browser);
  const { base, secret } = await setUp(page);
  await openEndpointDetails(page, base, `${receiver.url}/sms`);

  await page.getByRole("button", { name: "Test Webhook" }).click();
  await page.getByTestId("test-status").getByText("200 OK").waitFor();
  const [first] = await receiver.waitFor(1);
  expect(first!.url).toBe("/sms");
  expect(first!.headers["content-type"]).toBe("application/json");
  expect(verify(secret, first!)).toMatchObject({ transaction_id: "81934341034091431", status: "delivered" });
  await screenshot(page, "webhook-details-02-tested");
});

test("details page: Rotate gives a new secret; for 24 h requests carry both signatures", async () => {
  const page = await openPage(browser);
  const { base, secret } = await setUp(page);
  await openEndpointDetails(page, base, `${receiver.url}/sms`);

  await page.getByRole("button", { name: "Rotate…" }).click();
  const rotateDialog = page.getByRole("alertdialog", { name: "Rotate the signing secret?" });
  await rotateDialog.getByText("24 hours").waitFor();
  await screenshot(page, "webhook-details-03-rotate-confirm");
  await rotateDialog.getByRole("button", { name: "Rotate secret" }).click();
  await page.getByText("The previous secret also signs every request until").waitFor();
  const rotated = ((await page.getByTestId("signing-secret").textContent()) ?? "").trim();
  expect(rotated).toMatch(/^whsec_/);
  expect(rotated).not.toBe(secret);

  await page.getByRole("button", { name: "Test Webhook" }).click();
  const [request] = await receiver.waitFor(1);
  expect(String(request!.headers["webhook-signature"]).split(" ")).toHaveLength(2);
  expect(() => verify(rotated, request!)).not.toThrow();
  expect(() => verify(secret, request!)).not.toThrow();
  await page.getByTestId("test-status").getByText("200 OK").waitFor();
  await screenshot(page, "webhook-details-04-rotated");
});
