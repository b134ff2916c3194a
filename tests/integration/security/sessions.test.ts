import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DbHandle } from "@/db/client";
import { accounts } from "@/db/schema";
import { LocalRunner } from "@/server/delivery/runners/local-runner";
import { startAppServer } from "@/tests/helpers/app-server";
import { BrowserSession } from "@/tests/helpers/browser-session";
import { createTestDb } from "@/tests/helpers/db";
import { createUser } from "@/tests/helpers/users";

let h: DbHandle;
let app: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  h = await createTestDb();
  app = await startAppServer({ db: h.db, runner: new LocalRunner({ db: h.db }) });
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

/** A second browser that only has the first one's session cookie: a stolen or kept cookie. */
function replay(cookie: string) {
  const b = new BrowserSession(app.url, "198.51.100.7");
  b.cookies.set("next-auth.session-token", cookie);
  return b;
}

describe("sessions end in the database, not when the cookie expires", () => {
  test("after sign-out the old cookie no longer answers account.me", async () => {
    const u = await createUser(h.db);
    const browser = new BrowserSession(app.url);
    expect(await browser.signIn(u.email, u.password)).toEqual({ ok: true, error: null });
    const cookie = browser.sessionCookie()!;
    expect((await browser.trpc("query", "account.me")).data).toMatchObject({ email: u.email });

    await browser.signOut();
    const stale = await replay(cookie).trpc("query", "account.me");
    expect(stale.status).toBe(401);
    expect(stale.error?.data.code).toBe("UNAUTHORIZED");
    expect(await replay(cookie).session()).toEqual({});
  });

  test("sign-out ends the user's other sessions too", async () => {
    const u = await createUser(h.db);
    const laptop = new BrowserSession(app.url);
    const phone = new BrowserSession(app.url, "203.0.113.99");
    await laptop.signIn(u.email, u.password);
    await phone.signIn(u.email, u.password);
    await laptop.signOut();
    expect((await phone.trpc("query", "account.me")).status).toBe(401);
  });

  test("a suspended account's session can no longer create API keys or endpoints", async () => {
    const u = await createUser(h.db);
    const browser = new BrowserSession(app.url);
    await browser.signIn(u.email, u.password);
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
    const again = await new BrowserSession(app.url).signIn(u.email, u.password);
    expect(again.ok).toBe(false);
  });

  test("changing the password ends every session", async () => {
    const u = await createUser(h.db);
    const browser = new BrowserSession(app.url);
    await browser.signIn(u.email, u.password);
    const other = new BrowserSession(app.url, "203.0.113.50");
    await other.signIn(u.email, u.password);
    const changed = await browser.trpc("mutation", "account.changePassword", {
      currentPassword: u.password,
      newPassword: "new-password-22",
    });
    expect(changed.status).toBe(200);
    expect((await other.trpc("query", "account.me")).status).toBe(401);
    expect((await browser.trpc("query", "account.me")).status).toBe(401);
    expect((await new BrowserSession(app.url).signIn(u.email, "new-password-22")).ok).toBe(true);
  });
});
