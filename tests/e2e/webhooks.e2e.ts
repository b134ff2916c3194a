import { afterAll, afterEach, beforeAll, beforeEach, expect, inject, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startReceiver, type Receiver } from "../helpers/receiver";
import { launchBrowser, openPage, screenshot } from "./browser";
import { createEndpoint, endpointRow, openEndpointDetails } from "./create-endpoint";
import { newProfile, signUp } from "./sign-up";

// The Add webhook form and the webhooks table: validation, a full WhatsApp DLR configuration,
// edit, delete.
let browser: Browser;
let receiver: Receiver;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());
beforeEach(async () => {
  receiver = await startReceiver();
  receiver.respondWith({ status: 200, headers: { "content-type": "application/json" }, body: '{"received":true}' });
});
afterEach(() => receiver?.close());

/** A WABA number, in Settings (the WhatsApp form offers only the account's numbers). */
async function addWabaNumber(page: Page, base: string) {
  await page.goto(`${base}/settings`);
  await page.getByRole("textbox", { name: "WABA number" }).fill("919876543210");
  await page.getByLabel("Label (optional)").fill("Support line");
  await page.getByRole("button", { name: "Add number" }).click();
  await page.getByText("919876543210").first().waitFor();
}

/** On the Add webhook form: WhatsApp DLR as XML, `transaction_id` renamed to `txn`, an X-Api-Key header. */
async function fillWhatsAppXml(page: Page, url: string) {
  await page.getByLabel("Product", { exact: true }).selectOption("whatsapp");
  await page.getByLabel("Waba Number").selectOption("919876543210");
  await page.getByLabel("Webhook Server Send Method").selectOption("XML");
  await page.getByLabel("Webhook Report Type").selectOption("dlr");
  await page.getByLabel("Webhook (URL Endpoint)").fill(url);
  await page.getByLabel("Description", { exact: true }).fill("Order updates");
  await expect(page.getByLabel("Read Time Parameter", { exact: true }).inputValue()).resolves.toBe("read_time");
  await page.getByLabel("Transaction ID Parameter", { exact: true }).fill("txn");
  await page.getByLabel("Add Custom Headers").check();
  await page.getByLabel("Header name 1", { exact: true }).fill("X-Api-Key");
  await page.getByLabel("Header value 1", { exact: true }).fill("secret123");
  await page.getByLabel("Request body preview").getByText("<txn>", { exact: false }).waitFor();
}

test("Add webhook form: an empty table links to it; invalid fields show messages under them", async () => {
  const base = inject("baseUrl");
  const page = await openPage(browser);
  await signUp(page, base, newProfile("Webhook Tester", "wh"));
  await page.goto(`${base}/webhooks`);
  await page.getByText("No webhooks configured yet").waitFor();
  await screenshot(page, "webhooks-01-empty");

  await page.getByRole("link", { name: "Add webhook" }).first().click();
  await page.waitForURL(/\/webhooks\/new/);
  // Validation: messages under the fields, from the shared schema.
  await page.getByLabel("Webhook (URL Endpoint)").fill("ftp://example.com/hook");
  await page.getByLabel("Message ID Parameter", { exact: true }).fill("transaction_id");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.getByText("Check the highlighted fields").waitFor();
  await page.getByText("http:// or https://", { exact: false }).first().waitFor();
  await screenshot(page, "webhooks-02b-form-validation");
});

test("add a WhatsApp DLR webhook with XML, renamed parameters and a custom header: Test Webhook sends it; Save shows the secret once; the table lists it", async () => {
  const base = inject("baseUrl");
  const page = await openPage(browser);
  await signUp(page, base, newProfile("Webhook Tester", "wh"));
  await addWabaNumber(page, base);
  await screenshot(page, "webhooks-02-settings-waba");

  await page.goto(`${base}/webhooks`);
  await page.getByRole("link", { name: "Add webhook" }).first().click();
  await page.waitForURL(/\/webhooks\/new/);
  await fillWhatsAppXml(page, `${receiver.url}/dlr`);

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
  const row = endpointRow(page, `${receiver.url}/dlr`);
  await row.waitFor();
  const rowText = (await row.textContent()) ?? "";
  expect(rowText).toContain("WhatsApp");
  expect(rowText).toContain("DLR");
  expect(rowText).toContain("XML");
  expect(rowText).toContain("919876543210");
  await screenshot(page, "webhooks-05-table");
});

test("edit a webhook: the saved configuration comes back with the header value masked; Test Webhook sends the stored value; Save Changes", async () => {
  const base = inject("baseUrl");
  const page = await openPage(browser);
  await signUp(page, base, newProfile("Webhook Tester", "wh"));
  await addWabaNumber(page, base);
  await createEndpoint(page, base, {
    url: `${receiver.url}/dlr`,
    fill: (p) => fillWhatsAppXml(p, `${receiver.url}/dlr`),
  });

  await endpointRow(page, `${receiver.url}/dlr`).getByRole("link", { name: /^Edit/ }).click();
  await page.waitForURL(/\/webhooks\/[^/]+\/edit$/);
  await expect(page.getByLabel("Transaction ID Parameter", { exact: true }).inputValue()).resolves.toBe("txn");
  await expect(page.getByLabel("Header name 1", { exact: true }).inputValue()).resolves.toBe("X-Api-Key");
  await expect(page.getByLabel("Header value 1", { exact: true }).inputValue()).resolves.not.toBe("secret123");
  await page.getByRole("button", { name: "Test Webhook" }).click();
  await page.getByTestId("test-status").waitFor();
  const [request] = await receiver.waitFor(1);
  expect(request!.headers["x-api-key"]).toBe("secret123");
  expect(request!.body).toContain("<txn>");
  await page.getByLabel("Description", { exact: true }).fill("Order updates (edited)");
  await screenshot(page, "webhooks-05b-edit");
  await page.getByRole("button", { name: "Save Changes" }).click();
  await page.waitForURL(/\/webhooks\/[^/]+$/);
  await page.getByText("Order updates (edited)").first().waitFor();
  await screenshot(page, "webhooks-05c-details");
});

test("delete a webhook from the table, with confirmation", async () => {
  const base = inject("baseUrl");
  const page = await openPage(browser);
  await signUp(page, base, newProfile("Webhook Tester", "wh"));
  await createEndpoint(page, base, { url: `${receiver.url}/dlr`, description: "Order updates" });

  const row = endpointRow(page, `${receiver.url}/dlr`);
  await row.getByRole("button", { name: /Delete/ }).click();
  const confirm = page.getByRole("alertdialog");
  await confirm.waitFor();
  await screenshot(page, "webhooks-06-delete-confirm");
  await confirm.getByRole("button", { name: /^Delete/ }).click();
  await page.getByText("No webhooks configured yet").waitFor();
  await screenshot(page, "webhooks-07-deleted");
});

test("editing a webhook that does not exist, or is another account's, is a 404 page", async () => {
  const base = inject("baseUrl");
  const owner = await openPage(browser);
  await signUp(owner, base, newProfile("Webhook Owner", "wh"));
  await createEndpoint(owner, base, { url: `${receiver.url}/dlr`, description: "Order updates" });
  await openEndpointDetails(owner, base, `${receiver.url}/dlr`);
  const ownersId = new URL(owner.url()).pathname.split("/")[2];

  const page = await openPage(browser);
  await signUp(page, base, newProfile("Webhook Tester", "wh"));
  for (const path of ["/webhooks/ep_doesnotexist/edit", `/webhooks/${ownersId}/edit`]) {
    const res = await page.goto(`${base}${path}`);
    expect(res?.status(), path).toBe(404);
    await page.getByText("Page not found").waitFor();
  }
});
