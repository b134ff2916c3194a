import { afterAll, beforeAll, expect, inject, test } from "vitest";
import type { Browser } from "playwright-core";
import { startReceiver, type Receiver } from "@/tests/helpers/receiver";
import { launchBrowser, screenshot } from "./browser";
import { fillSignUp } from "./fill-sign-up";

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

test("reseller sets the Signup Webhook, a visitor signs up on the storefront, the hook and the log show it", async () => {
  const base = inject("baseUrl");
  const id = Date.now().toString(36);
  const slug = `acme-${id}`;
  const reseller = await browser.newPage({ viewport: { width: 1280, height: 900 } });

  await reseller.goto(`${base}/sign-up`);
  await fillSignUp(reseller, {
    name: "Acme Messaging",
    username: `acme_${id}`,
    email: `acme_${id}@example.test`,
    password: "reseller-pass-1",
  });
  await reseller.getByText("Register as a reseller").click();
  await reseller.getByRole("button", { name: "Create account" }).click();
  await reseller.waitForURL(/\/reseller\/customers/);

  await reseller.goto(`${base}/reseller/white-label`);
  await reseller.getByLabel("Brand name").fill("Acme SMS");
  await reseller.getByLabel("Slug").fill(slug);
  await reseller.getByLabel("Primary colour").fill("#0f766e");
  await reseller.getByRole("button", { name: "Save Changes" }).first().click();
  await reseller.getByText("Storefront saved.").waitFor();

  await reseller.getByLabel("Feature").selectOption("signup-webhook");
  await reseller.getByLabel("Send Method").selectOption("POST");
  await reseller.getByLabel("Webhook Endpoint URL").fill(receiver.url);
  await reseller.getByRole("button", { name: "Test Webhook" }).click();
  await reseller.getByTestId("test-status").waitFor();
  expect(await reseller.getByTestId("test-status").textContent()).toBe("HTTP 200 OK");
  expect(JSON.parse(receiver.requests[0]!.body).user_id).toBe("2796XX");
  await reseller.getByRole("button", { name: "Save Changes" }).last().click();
  await reseller.getByText("Signup webhook saved.", { exact: false }).waitFor();
  await screenshot(reseller, "reseller-01-white-label-signup-webhook");

  const visitor = await browser.newPage({ viewport: { width: 1100, height: 900 } });
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
  await visitor.waitForURL(/\/webhooks/);

  await receiver.waitFor(2, 20_000);
  const payload = JSON.parse(receiver.requests[1]!.body);
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

  await visitor.goto(`${base}/r/no-such-store-${id}/sign-up`);
  await visitor.getByText("This storefront does not exist").waitFor();
});
