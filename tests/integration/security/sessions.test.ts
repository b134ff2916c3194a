import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { accounts } from "@/db/schema";
import { startAppServer } from "@/tests/helpers/app-server";
import { BrowserSession } from "@/tests/helpers/browser-session";
import { setupIntegration } from "@/tests/helpers/integration";
import { createActor } from "@/tests/helpers/actors";

const h = setupIntegration();
let app: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  app = await startAppServer(h.services);
});
afterAll(async () => {
  await app?.close();
});

/** A second browser that only has the first one's session cookie: a stolen or kept cookie. */
function replay(cookie: string) {
  const b = new BrowserSession(app.url, "198.51.100.7");
  b.cookies.set("next-auth.session-token", cookie);
  return b;
}

describe("sessions end in the database, not when the cookie expires", () => {
  test("after sign-out the old cookie no longer answers account.me", async () => {
    const u = await createActor(h.services);
    const browser = new BrowserSession(app.url);
    expect(await browser.signIn(u.input.email, u.input.password)).toEqual({ ok: true, error: null });
    const cookie = browser.sessionCookie()!;
    expect((await browser.trpc("query", "account.me")).data).toMatchObject({ email: u.input.email });

    await browser.signOut();
    const stale = await replay(cookie).trpc("query", "account.me");
    expect(stale.status).toBe(401);
    expect(stale.error?.data.code).toBe("UNAUTHORIZED");
    expect(await replay(cookie).session()).toEqual({});
  });

  test("sign-out ends the user's other sessions too", async () => {
    const u = await createActor(h.services);
    const laptop = new BrowserSession(app.url);
    const phone = new BrowserSession(app.url, "203.0.113.99");
    await laptop.signIn(u.input.email, u.input.password);
    await phone.signIn(u.input.email, u.input.password);
    await laptop.signOut();
    expect((await phone.trpc("query", "account.me")).status).toBe(401);
  });

  test("a suspended account's session can no longer create API keys or endpoints", async () => {
    const u = await createActor(h.services);
    const browser = new BrowserSession(app.url);
    await browser.signIn(u.input.email, u.input.password);
    expect((await browser.trpc("mutation", "apiKeys.create", { name: "before" })).status).toBe(200);

    await h.db.update(accounts).set({ status: "suspended" }).where(eq(accounts.id, u.accountId));
    const key = await browser.trpc("mutation", "apiKeys.create", { name: "after" });
    expect(key.status).toBe(401);
    const endpoint = await browser.trpc("mutation", "endpoints.create", {
      url: "https://example.com/hook",
      product: "sms",
      reportType: "dlr",
      method: "JSON",
    });
    expect(endpoint.status).toBe(401);
    expect((await browser.trpc("query", "account.me")).status).toBe(401);
    // And the suspended owner cannot sign in again.
    const again = await new BrowserSession(app.url).signIn(u.input.email, u.input.password);
    expect(again.ok).toBe(false);
  });

  test("changing the password ends every session", async () => {
    const u = await createActor(h.services);
    const browser = new BrowserSession(app.url);
    await browser.signIn(u.input.email, u.input.password);
    const other = new BrowserSession(app.url, "203.0.113.50");
    await other.signIn(u.input.email, u.input.password);
    const changed = await browser.trpc("mutation", "account.changePassword", {
      currentPassword: u.input.password,
      newPassword: "new-password-22",
    });
    expect(changed.status).toBe(200);
    expect((await other.trpc("query", "account.me")).status).toBe(401);
    expect((await browser.trpc("query", "account.me")).status).toBe(401);
    expect((await new BrowserSession(app.url).signIn(u.input.email, "new-password-22")).ok).toBe(true);
  });
});
