import type { Page } from "playwright-core";
import { fillSignUp, type BrowserSignUp } from "./fill-sign-up";

/** An id for usernames, emails and slugs, unique across the tests of one run. */
export function uniqueId() {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** A fresh customer profile: `<prefix>_<id>` as username and email. */
export function newProfile(name: string, prefix: string): BrowserSignUp {
  const id = uniqueId();
  return { name, username: `${prefix}_${id}`, email: `${prefix}_${id}@example.test`, password: "e2e-password-1" };
}

/** Signs a new customer up on the app's sign-up page; resolves on the overview (the signed-in home). */
export async function signUp(page: Page, base: string, profile: BrowserSignUp): Promise<BrowserSignUp> {
  await page.goto(`${base}/sign-up`);
  await fillSignUp(page, profile);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/overview/);
  return profile;
}
