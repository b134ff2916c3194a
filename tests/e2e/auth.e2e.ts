import { afterAll, beforeAll, expect, inject, test } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, screenshot } from "./browser";
import { fillSignUp } from "./fill-sign-up";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

test("sign up, sign out, sign in, land on the dashboard", async () => {
  const base = inject("baseUrl");
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const id = Date.now().toString(36);
  const email = `e2e_${id}@example.test`;
  const password = "e2e-password-1";

  await page.goto(`${base}/webhooks`);
  await page.waitForURL(/\/sign-in/);

  await page.goto(`${base}/sign-up`);
  await fillSignUp(page, { name: "E2E Tester", username: `e2e_${id}`, email, password: "short" });
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Password must be at least 10 characters").isVisible()).resolves.toBe(true);
  await screenshot(page, "auth-01-sign-up-validation");

  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/webhooks/);
  await page.getByRole("heading", { name: "Webhooks" }).waitFor();
  await screenshot(page, "auth-02-dashboard-after-sign-up");

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in/);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText("Incorrect email or password").waitFor();
  await screenshot(page, "auth-03-sign-in-error");

  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/webhooks/);
  await expect(page.getByText("E2E Tester").first().isVisible()).resolves.toBe(true);

  // Customers cannot open reseller pages.
  await page.goto(`${base}/reseller/customers`);
  await page.getByText("Reseller accounts only").waitFor();
  await screenshot(page, "auth-04-reseller-gate");
  await page.close();
});
