import { afterAll, afterEach, beforeAll, beforeEach, expect, inject, test } from "vitest";
import type { Browser } from "playwright-core";
import { startReceiver, type Receiver } from "../helpers/receiver";
import { launchBrowser, openPage, screenshot } from "./browser";
import { createEndpoint } from "./create-endpoint";
import { newProfile, signUp } from "./sign-up";

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

test("API keys: the plaintext key is shown once and works against REST until revoked", async () => {
  const base = inject("baseUrl");
  const page = await openPage(browser);
  await signUp(page, base, newProfile("Details Tester", "dt"));
  // An endpoint for the REST listing to show.
  await createEndpoint(page, base, { url: `${receiver.url}/sms`, description: "SMS delivery reports" });

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
});
