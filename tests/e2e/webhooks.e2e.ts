import { afterAll, beforeAll, expect, inject, test } from "vitest";
import type { Browser } from "playwright-core";
import { startReceiver, type Receiver } from "../helpers/receiver";
import { launchBrowser, screenshot } from "./browser";
import { fillSignUp } from "./fill-sign-up";

let browser: Browser;
let receiver: Receiver;
beforeAll(async () => {
  browser = await launchBrowser();
  receiver = await startReceiver();
  receiver.respondWith({ status: 200, headers: { "content-type": "application/json" }, body: '{"received":true}' });
});
afterAll(async () => {
  await browser?.close();
  await receiver?.close();
});

test("add a WhatsApp DLR webhook with XML, renamed parameters and a custom header; test, save, list, delete", async () => {
  const base = inject("baseUrl");
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const id = Date.now().toString(36);

  // Sign up in the browser.
  await page.goto(`${base}/sign-up`);
  await fillSignUp(page, {
    name: "Webhook Tester",
    username: `wh_${id}`,
    email: `wh_${id}@example.test`,
    password: "e2e-password-1",
  });
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/webhooks/);
  await page.getByText("No webhooks configured yet").waitFor();
  await screenshot(page, "webhooks-01-empty");

  // A WABA number, in Settings.
  await page.goto(`${base}/settings`);
  await page.getByRole("textbox", { name: "WABA number" }).fill("919876543210");
  await page.getByLabel("Label (optional)").fill("Support line");
  await page.getByRole("button", { name: "Add number" }).click();
  await page.getByText("919876543210").first().waitFor();
  await screenshot(page, "webhooks-02-settings-waba");

  // The Add webhook form.
  await page.goto(`${base}/webhooks`);
  await page.getByRole("link", { name: "Add webhook" }).first().click();
  await page.waitForURL(/\/webhooks\/new/);
  // Validation: messages under the fields, from the shared schema.
  await page.getByLabel("Webhook (URL Endpoint)").fill("ftp://example.com/hook");
  await page.getByLabel("Message ID Parameter", { exact: true }).fill("transaction_id");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.getByText("Check the highlighted fields").waitFor();
  await page.getByText("http:// or https://", { exact: false }).first().waitFor();
  await screenshot(page, "webhooks-02b-form-validation");
  await page.getByLabel("Message ID Parameter", { exact: true }).fill("message_id");

  await page.getByLabel("Product", { exact: true }).selectOption("whatsapp");
  await page.getByLabel("Waba Number").selectOption("919876543210");
  await page.getByLabel("Webhook Server Send Method").selectOption("XML");
  await page.getByLabel("Webhook Report Type").selectOption("dlr");
  await page.getByLabel("Webhook (URL Endpoint)").fill(`${receiver.url}/dlr`);
  await page.getByLabel("Description", { exact: true }).fill("Order updates");
  await expect(page.getByLabel("Read Time Parameter", { exact: true }).inputValue()).resolves.toBe("read_time");
  await page.getByLabel("Transaction ID Parameter", { exact: true }).fill("txn");
  await page.getByLabel("Add Custom Headers").check();
  await page.getByLabel("Header name 1", { exact: true }).fill("X-Api-Key");
  await page.getByLabel("Header value 1", { exact: true }).fill("secret123");
  await page.getByLabel("Request body preview").getByText("<txn>", { exact: false }).waitFor();

  // Test Webhook: the real sender hits the receiver.
  await page.getByRole("button", { name: "Test Webhook" }).click();
  await page.getByTestId("test-status").waitFor();
  await expect(page.getByTestId("test-status").textContent()).resolves.toContain("200");
  const [request] = await receiver.waitFor(1);
  expect(request!.method).toBe("POST");
  expect(request!.url).toBe("/dlr");
  expect(request!.headers["content-type"]).toContain("application/xml");
  expect(request!.headers["x-api-key"]).toBe("secret123");
  expect(request!.headers["webhook-signature"]).toMatch(/^v1,/);
  expect(request!.body).toContain("<txn>");
  expect(request!.body).not.toContain("<transaction_id>");
  expect(request!.body).toContain("<read_time>");
  await screenshot(page, "webhooks-03-form-tested");

  // Save: the signing secret is shown once.
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  await expect(dialog.getByTestId("secret-value").textContent()).resolves.toMatch(/^whsec_/);
  await screenshot(page, "webhooks-04-secret-once");
  await dialog.getByRole("button", { name: "Done" }).click();

  // Its page opens; the table lists it.
  await page.waitForURL(/\/webhooks\/ep_/);
  await page.goto(`${base}/webhooks`);
  const row = page.getByRole("row").filter({ hasText: `${receiver.url}/dlr` });
  await row.waitFor();
  const rowText = (await row.textContent()) ?? "";
  expect(rowText).toContain("WhatsApp");
  expect(rowText).toContain("DLR");
  expect(rowText).toContain("XML");
  expect(rowText).toContain("919876543210");
  await screenshot(page, "webhooks-05-table");

  // Edit: the saved configuration comes back, the header value masked; testing the saved
  // endpoint still sends the stored header value.
  await row.getByRole("link", { name: /^Edit/ }).click();
  await page.waitForURL(/\/webhooks\/[^/]+\/edit$/);
  await expect(page.getByLabel("Transaction ID Parameter", { exact: true }).inputValue()).resolves.toBe("txn");
  await expect(page.getByLabel("Header name 1", { exact: true }).inputValue()).resolves.toBe("X-Api-Key");
  await expect(page.getByLabel("Header value 1", { exact: true }).inputValue()).resolves.not.toBe("secret123");
  await page.getByRole("button", { name: "Test Webhook" }).click();
  await page.getByTestId("test-status").waitFor();
  const [, second] = await receiver.waitFor(2);
  expect(second!.headers["x-api-key"]).toBe("secret123");
  expect(second!.body).toContain("<txn>");
  await page.getByLabel("Description", { exact: true }).fill("Order updates (edited)");
  await screenshot(page, "webhooks-05b-edit");
  await page.getByRole("button", { name: "Save Changes" }).click();
  await page.waitForURL(/\/webhooks\/[^/]+$/);
  await page.getByText("Order updates (edited)").first().waitFor();
  await screenshot(page, "webhooks-05c-details");

  // Delete, with confirmation.
  await page.goto(`${base}/webhooks`);
  await row.waitFor();
  await row.getByRole("button", { name: /Delete/ }).click();
  const confirm = page.getByRole("alertdialog");
  await confirm.waitFor();
  await screenshot(page, "webhooks-06-delete-confirm");
  await confirm.getByRole("button", { name: /^Delete/ }).click();
  await page.getByText("No webhooks configured yet").waitFor();
  await screenshot(page, "webhooks-07-deleted");

  // Editing a webhook that does not exist (or is another account's) is a 404.
  // (The status is 200: the (app) loading boundary starts streaming before notFound().)
  await page.goto(`${base}/webhooks/ep_doesnotexist/edit`);
  await page.getByText("Page not found").waitFor();
  await page.close();
});
