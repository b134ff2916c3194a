import type { Page } from "playwright-core";

export type BrowserSignUp = { name: string; username: string; email: string; password: string };

/** Fills the sign-up form (app or storefront) with a profile; the caller submits. */
export async function fillSignUp(page: Page, p: BrowserSignUp) {
  await page.getByLabel("Full name").fill(p.name);
  await page.getByLabel("Username").fill(p.username);
  await page.getByLabel("Mobile number").fill("919812345678");
  await page.getByLabel("Email").fill(p.email);
  await page.getByLabel("City").fill("Pune");
  await page.getByLabel("Region").fill("Maharashtra");
  await page.getByLabel("Country").fill("India");
  await page.getByLabel("Password").fill(p.password);
}
