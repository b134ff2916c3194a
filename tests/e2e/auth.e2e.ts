import { afterAll, beforeAll, expect, inject, test } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, openPage, screenshot } from "./browser";
import { fillSignUp } from "./fill-sign-up";
import { newProfile, signUp } from "./sign-up";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const viewport = { width: 1280, height: 860 };

test("a signed-out visitor is sent to sign-in", async () => {
  const base = inject("baseUrl");
  const page = await openPage(browser, viewport);
  await page.goto(`${base}/webhooks`);
  await page.waitForURL(/\/sign-in/);
});

test("sign up: a short password is refused, a valid one lands on the dashboard", async () => {
  const base = inject("baseUrl");
  const page = await openPage(browser, viewport);
  const profile = newProfile("E2E Tester", "e2e");

  await page.goto(`${base}/sign-up`);
  await fillSignUp(page, { ...profile, password: "short" });
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Password must be at least 10 characters").isVisible()).resolves.toBe(true);
  await screenshot(page, "auth-01-sign-up-validation");

  await page.getByLabel("Password").fill(profile.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/overview/);
  await page.getByRole("heading", { name: "Overview" }).waitFor();
  await screenshot(page, "auth-02-dashboard-after-sign-up");
});

test("sign out, sign in: a wrong password is refused, the right one lands on the dashboard", async () => {
  const base = inject("baseUrl");
  const page = await openPage(browser, viewport);
  const { email, password } = await signUp(page, base, newProfile("E2E Tester", "e2e"));

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in/);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText("Incorrect email or password").waitFor();
  await screenshot(page, "auth-03-sign-in-error");

  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/overview/);
  await expect(page.getByText("E2E Tester").first().isVisible()).resolves.toBe(true);
});

test("customers cannot open reseller pages", async () => {
  const base = inject("baseUrl");
  const page = await openPage(browser, viewport);
  await signUp(page, base, newProfile("E2E Tester", "e2e"));
  await page.goto(`${base}/reseller/customers`);
  await page.getByText("Reseller accounts only").waitFor();
  await screenshot(page, "auth-04-reseller-gate");
});
