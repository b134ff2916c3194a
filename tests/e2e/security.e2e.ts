import { afterAll, beforeAll, expect, inject, test } from "vitest";
import type { Browser } from "playwright-core";
import { BrowserSession } from "../helpers/browser-session";
import { launchBrowser, openPage, screenshot } from "./browser";
import { newProfile, signUp } from "./sign-up";

// The built app as an attacker meets it: headers, CSP with Next's scripts, bad paths, old cookies.
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

test("pages carry the security headers and a per-response CSP nonce on every script", async () => {
  const base = inject("baseUrl");
  const first = await fetch(`${base}/sign-in`);
  const second = await fetch(`${base}/sign-in`);
  const csp = first.headers.get("content-security-policy")!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("unsafe-eval");
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  expect(second.headers.get("content-security-policy")).not.toContain(nonce);

  expect(first.headers.get("x-frame-options")).toBe("DENY");
  expect(first.headers.get("x-content-type-options")).toBe("nosniff");
  expect(first.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(first.headers.get("permissions-policy")).toContain("camera=()");
  expect(first.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);

  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
});

test("the app runs under the CSP: no violations, forms work", async () => {
  const base = inject("baseUrl");
  const page = await openPage(browser);
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await signUp(page, base, newProfile("CSP Tester", "csp"));
  await page.getByRole("heading", { name: "Overview" }).waitFor();
  await page.goto(`${base}/settings`);
  await page.getByRole("heading", { name: "Privacy" }).waitFor();
  await screenshot(page, "security-01-settings-privacy");
  expect(violations).toEqual([]);
});

test("paths with invalid %-escapes are a 400 with a JSON error, not a 500", async () => {
  const base = inject("baseUrl");
  for (const path of ["/api/v1/events/%ff", "/r/%ED%A0%80/sign-up", "/api/v1/endpoints/%c0%af", "/webhooks/%ff"]) {
    const res = await fetch(`${base}${path}`);
    expect(res.status, path).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "invalid_path", message: expect.any(String) } });
  }
  const nul = await fetch(`${base}/api/v1/events/%00`);
  expect(nul.status).toBeLessThan(500);
});

test("after sign-out, replaying the old session cookie gets nothing", async () => {
  const base = inject("baseUrl");
  const profile = newProfile("Replay Tester", "replay");
  const browserLike = new BrowserSession(base, "127.0.0.1");
  const signUpRes = await browserLike.trpc("mutation", "auth.signUp", {
    fullName: profile.name,
    username: profile.username,
    email: profile.email,
    mobileNumber: "919812345678",
    city: "Pune",
    region: "Maharashtra",
    country: "India",
    password: profile.password,
  });
  expect(signUpRes.status).toBe(200);
  expect((await browserLike.signIn(profile.email, profile.password)).ok).toBe(true);
  const cookie = browserLike.sessionCookie()!;
  expect((await browserLike.trpc("query", "account.me")).status).toBe(200);

  await browserLike.signOut();
  const thief = new BrowserSession(base, "127.0.0.1");
  thief.cookies.set("next-auth.session-token", cookie);
  expect((await thief.trpc("query", "account.me")).status).toBe(401);
  const page = await thief.fetch("/webhooks");
  expect(page.status).toBe(307);
  expect(page.headers.get("location")).toMatch(/\/sign-in/);
});

test("sign-in links to a password reset that answers the same for any email", async () => {
  const base = inject("baseUrl");
  const page = await openPage(browser);
  await page.goto(`${base}/sign-in`);
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.waitForURL(/\/forgot-password/);
  await page.getByLabel("Email").fill("nobody-at-all@example.test");
  await page.getByRole("button", { name: "Send reset link" }).click();
  await page.getByText(/If nobody-at-all@example.test has a Hookline account/).waitFor();
  await screenshot(page, "security-02-forgot-password");
});
