import { afterAll, afterEach, beforeAll, beforeEach, expect, inject, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startReceiver, type Receiver } from "@/tests/helpers/receiver";
import { launchBrowser, openPage, screenshot } from "./browser";
import { fillSignUp } from "./fill-sign-up";
import { newProfile, uniqueId } from "./sign-up";

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

/** Signs a reseller up, saves a storefront "Acme SMS" at `slug`, fills the Signup Webhook form (POST to the receiver). */
async function setUpReseller(page: Page, base: string, slug: string) {
  await page.goto(`${base}/sign-up`);
  await fillSignUp(page, { ...newProfile("Acme Messaging", "acme"), password: "reseller-pass-1" });
  await page.getByText("Register as a reseller").click();
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/overview/);

  await page.goto(`${base}/reseller/white-label`);
  await page.getByLabel("Brand name").fill("Acme SMS");
  await page.getByLabel("Slug").fill(slug);
  await page.getByLabel("Primary colour").fill("#0f766e");
  await page.getByRole("button", { name: "Save Changes" }).first().click();
  await page.getByText("Storefront saved.").waitFor();

  await page.getByLabel("Feature").selectOption("signup-webhook");
  await page.getByLabel("Send Method").selectOption("POST");
  await page.getByLabel("Webhook Endpoint URL").fill(receiver.url);
}

async function saveSignupWebhook(page: Page) {
  await page.getByRole("button", { name: "Save Changes" }).last().click();
  await page.getByText("Signup webhook saved.", { exact: false }).waitFor();
}

test("reseller white label: storefront saved; the Signup Webhook's Test Webhook sends a sample; saved", async () => {
  const base = inject("baseUrl");
  const reseller = await openPage(browser, { width: 1280, height: 900 });
  await setUpReseller(reseller, base, `acme-${uniqueId()}`);

  await reseller.getByRole("button", { name: "Test Webhook" }).click();
  await reseller.getByTestId("test-status").waitFor();
  expect(await reseller.getByTestId("test-status").textContent()).toBe("200 OK");
  expect(JSON.parse(receiver.requests[0]!.body).user_id).toBe("2796XX");
  await saveSignupWebhook(reseller);
  await screenshot(reseller, "reseller-01-white-label-signup-webhook");
});

test("a visitor signs up on the reseller's storefront: the Signup Webhook gets the profile; the customers list and the delivery log show it", async () => {
  const base = inject("baseUrl");
  const id = uniqueId();
  const slug = `acme-${id}`;
  const reseller = await openPage(browser, { width: 1280, height: 900 });
  await setUpReseller(reseller, base, slug);
  await saveSignupWebhook(reseller);

  const visitor = await openPage(browser, { width: 1100, height: 900 });
  await visitor.goto(`${base}/r/${slug}/sign-up`);
  await visitor.getByText("Create your Acme SMS account").waitFor();
  await screenshot(visitor, "reseller-02-storefront-sign-up");
  await fillSignUp(visitor, {
    name: "Visitor One",
    username: `visitor_${id}`,
    email: `visitor_${id}@example.test`,
    password: "visitor-pass-1",
  });
  await visitor.getByRole("button", { name: "Sign up" }).click();
  await visitor.waitForURL(/\/overview/);

  const [request] = await receiver.waitFor(1, 20_000);
  const payload = JSON.parse(request!.body);
  expect(Object.keys(payload).sort()).toEqual([
    "email",
    "mobile_number",
    "user_city",
    "user_country",
    "user_full_name",
    "user_id",
    "user_name",
    "user_region",
    "user_signup_timestamp",
    "user_type",
  ]);
  expect(payload).toMatchObject({ user_full_name: "Visitor One", user_name: `visitor_${id}`, user_type: "customer" });

  await reseller.goto(`${base}/reseller/customers`);
  await reseller.getByText("Visitor One").waitFor();
  await screenshot(reseller, "reseller-03-customers");
  await reseller.goto(`${base}/reseller/signup-webhook`);
  await reseller.getByTestId("signup-delivery").first().waitFor();
  await reseller.getByText("succeeded").first().waitFor();
  await screenshot(reseller, "reseller-04-signup-delivery-log");
});

test("a storefront that does not exist says so", async () => {
  const base = inject("baseUrl");
  const visitor = await openPage(browser, { width: 1100, height: 900 });
  await visitor.goto(`${base}/r/no-such-store-${uniqueId()}/sign-up`);
  await visitor.getByText("This storefront does not exist").waitFor();
});
