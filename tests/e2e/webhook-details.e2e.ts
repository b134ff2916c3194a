import { afterAll, beforeAll, expect, inject, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { Webhook } from "standardwebhooks";
import { startReceiver, type ReceivedRequest, type Receiver } from "../helpers/receiver";
import { launchBrowser, screenshot } from "./browser";
import { fillSignUp } from "./fill-sign-up";

let browser: Browser;
let receiver: Receiver;
beforeAll(async () => {
  browser = await launchBrowser();
  receiver = await startReceiver();
  receiver.respondWith({ status: 200, headers: { "content-type": "application/json" }, body: '{"ok":true}' });
});
afterAll(async () => {
  await browser?.close();
  await receiver?.close();
});

function verify(secret: string, req: ReceivedRequest) {
  const headers = {
    "webhook-id": String(req.headers["webhook-id"]),
    "webhook-timestamp": String(req.headers["webhook-timestamp"]),
    "webhook-signature": String(req.headers["webhook-signature"]),
  };
  return new Webhook(secret).verify(req.body, headers);
}

async function signUp(page: Page, base: string, id: string) {
  await page.goto(`${base}/sign-up`);
  await fillSignUp(page, {
    name: "Details Tester",
    username: `dt_${id}`,
    email: `dt_${id}@example.test`,
    password: "e2e-password-1",
  });
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/webhooks/);
}

test("details page: reveal, test (signature verifies), rotate (both secrets sign), pause/resume, delete; API keys: create, use, revoke", async () => {
  const base = inject("baseUrl");
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const id = Date.now().toString(36);
  await signUp(page, base, id);

  // An SMS DLR endpoint sending JSON (standardwebhooks' verify parses the payload) to the receiver.
  await page.goto(`${base}/webhooks/new`);
  await page.getByLabel("Webhook Server Send Method").selectOption("JSON");
  await page.getByLabel("Webhook (URL Endpoint)").fill(`${receiver.url}/sms`);
  await page.getByLabel("Description").fill("SMS delivery reports");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const secret = ((await page.getByTestId("secret-value").textContent()) ?? "").trim();
  expect(secret).toMatch(/^whsec_/);
  await page.getByRole("dialog").getByRole("button", { name: "Done" }).click();
  await page.waitForURL(/\/webhooks$/);
  await page
    .getByRole("row")
    .filter({ hasText: `${receiver.url}/sms` })
    .waitFor();
  // The table fits the page: no sideways scrolling of the whole page.
  await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
  await screenshot(page, "webhook-details-00-table");
  await page
    .getByRole("link", { name: /View Details/ })
    .first()
    .click();
  await page.waitForURL(/\/webhooks\/ep_/);
  await page.getByRole("heading", { name: "SMS delivery reports" }).waitFor();
  await expect(page.getByTestId("signing-secret").textContent()).resolves.not.toContain(secret);
  await screenshot(page, "webhook-details-01-overview");

  // Reveal shows the same secret the create dialog showed.
  await page.getByRole("button", { name: "Reveal" }).click();
  await page.getByTestId("signing-secret").getByText(secret).waitFor();

  // Test Webhook: the receiver gets a request signed with that secret.
  await page.getByRole("button", { name: "Test Webhook" }).click();
  await page.getByTestId("test-status").getByText("200 OK").waitFor();
  const [first] = await receiver.waitFor(1);
  expect(first!.url).toBe("/sms");
  expect(first!.headers["content-type"]).toBe("application/json");
  expect(verify(secret, first!)).toMatchObject({ transaction_id: "81934341034091431", status: "delivered" });
  await screenshot(page, "webhook-details-02-tested");

  // Rotate: the new secret differs; the next request carries both signatures for 24 h.
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
  const [, second] = await receiver.waitFor(2);
  expect(String(second!.headers["webhook-signature"]).split(" ")).toHaveLength(2);
  expect(() => verify(rotated, second!)).not.toThrow();
  expect(() => verify(secret, second!)).not.toThrow();
  await page.getByTestId("test-status").getByText("200 OK").waitFor();
  await screenshot(page, "webhook-details-04-rotated");

  // Pause and resume.
  await page.getByRole("button", { name: "Pause" }).click();
  await page.getByText("This webhook is paused").waitFor();
  await screenshot(page, "webhook-details-05-paused");
  await page.getByRole("button", { name: "Resume" }).click();
  await page.getByRole("button", { name: "Pause" }).waitFor();
  await expect(page.getByText("This webhook is paused").count()).resolves.toBe(0);

  // API keys: the plaintext key is shown once and works against REST until revoked.
  await page.goto(`${base}/settings/api-keys`);
  await page.getByText("No API keys yet").waitFor();
  await page.getByRole("button", { name: "Create key" }).click();
  await page.getByText("Give the key a name").waitFor();
  await page.getByLabel("Key name").fill("CI server");
  await page.getByRole("button", { name: "Create key" }).click();
  const keyDialog = page.getByRole("dialog", { name: "Your new API key" });
  await keyDialog.waitFor();
  const key = ((await keyDialog.getByTestId("new-api-key").textContent()) ?? "").trim();
  expect(key.length).toBeGreaterThan(20);
  await screenshot(page, "webhook-details-06-api-key-once");
  await keyDialog.getByRole("button", { name: "I've copied it" }).click();
  const keyRow = page.getByRole("row").filter({ hasText: "CI server" });
  await keyRow.getByText(`${key.slice(0, 12)}…`).waitFor();
  const listed = await fetch(`${base}/api/v1/endpoints`, { headers: { authorization: `Bearer ${key}` } });
  expect(listed.status).toBe(200);
  expect(JSON.stringify(await listed.json())).toContain(`${receiver.url}/sms`);
  await screenshot(page, "webhook-details-07-api-keys");
  await keyRow.getByRole("button", { name: /Revoke/ }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
  await keyRow.getByText("Revoked").waitFor();
  const refused = await fetch(`${base}/api/v1/endpoints`, { headers: { authorization: `Bearer ${key}` } });
  expect(refused.status).toBe(401);

  // Delete from the details page.
  await page.goto(`${base}/webhooks`);
  await page
    .getByRole("link", { name: /View Details/ })
    .first()
    .click();
  await page.waitForURL(/\/webhooks\/ep_/);
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete webhook" }).click();
  await page.waitForURL(/\/webhooks$/);
  await page.getByText("No webhooks configured yet").waitFor();

  // An unknown id is a 404 page (and an HTTP 404), not an error; the same for its edit page and
  // for an unknown event.
  for (const path of [
    "/webhooks/ep_doesnotexist000000000000",
    "/webhooks/ep_doesnotexist000000000000/edit",
    "/events/evt_doesnotexist00000000000",
  ]) {
    const res = await page.goto(`${base}${path}`);
    expect(res?.status(), path).toBe(404);
    await page.getByText("Page not found").waitFor();
  }
  await page.close();
});
