import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { passwordResetTokens } from "@/db/schema";
import { startAppServer } from "@/tests/helpers/app-server";
import { BrowserSession } from "@/tests/helpers/browser-session";
import { setupIntegration } from "@/tests/helpers/integration";
import { startSmtpServer } from "@/tests/helpers/smtp";
import { createActor } from "@/tests/helpers/actors";

const h = setupIntegration();
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let app: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startAppServer({ ...h.services, mailer: smtp.mailer });
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

const tokenIn = (text: string) => /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

describe("password reset by mailed link", () => {
  test("a single-use link that ends every session", async () => {
    const u = await createActor(h.services);
    const signedIn = new BrowserSession(app.url, "203.0.113.20");
    await signedIn.signIn(u.input.email, u.input.password);

    const visitor = new BrowserSession(app.url, "203.0.113.21");
    const before = smtp.mails.length;
    expect((await visitor.trpc("mutation", "auth.requestPasswordReset", { email: u.input.email })).data).toEqual({
      sent: true,
    });
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail!.to).toBe(u.input.email);
    expect(mail!.subject).toBe("Reset your Hookline password");
    expect(mail!.html).toContain("Choose a new password");
    const token = tokenIn(mail!.text);
    expect(token).toBeTruthy();
    expect(tokenIn(mail!.html)).toBe(token);

    const reset = await visitor.trpc("mutation", "auth.resetPassword", { token, password: "brand-new-pass-1" });
    expect(reset.status).toBe(200);
    // The old session is over, the old password too; the new one works.
    expect((await signedIn.trpc("query", "account.me")).status).toBe(401);
    expect((await new BrowserSession(app.url, "203.0.113.22").signIn(u.input.email, u.input.password)).ok).toBe(false);
    expect((await new BrowserSession(app.url, "203.0.113.23").signIn(u.input.email, "brand-new-pass-1")).ok).toBe(true);

    const again = await visitor.trpc("mutation", "auth.resetPassword", { token, password: "another-pass-2" });
    expect(again.status).toBe(400);
    expect(again.error?.message).toMatch(/expired or was already used/);
  });

  test("a link older than 30 minutes is refused", async () => {
    const u = await createActor(h.services);
    const before = smtp.mails.length;
    await new BrowserSession(app.url, "203.0.113.30").trpc("mutation", "auth.requestPasswordReset", {
      email: u.input.email,
    });
    const token = tokenIn((await smtp.waitFor(before + 1)).at(-1)!.text)!;
    await h.db
      .update(passwordResetTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResetTokens.userId, u.userId));
    const res = await new BrowserSession(app.url, "203.0.113.31").trpc("mutation", "auth.resetPassword", {
      token,
      password: "brand-new-pass-1",
    });
    expect(res.status).toBe(400);
  });

  test("an unknown email gets the same answer and no mail", async () => {
    const before = smtp.mails.length;
    const res = await new BrowserSession(app.url, "203.0.113.40").trpc("mutation", "auth.requestPasswordReset", {
      email: "nobody-here@example.test",
    });
    expect(res.data).toEqual({ sent: true });
    // A known address sent right after is the next mail: nothing went out for the unknown one.
    const u = await createActor(h.services);
    await new BrowserSession(app.url, "203.0.113.41").trpc("mutation", "auth.requestPasswordReset", {
      email: u.input.email,
    });
    const mails = await smtp.waitFor(before + 1);
    expect(mails.slice(before).map((m) => m.to)).toEqual([u.input.email]);
  });
});
