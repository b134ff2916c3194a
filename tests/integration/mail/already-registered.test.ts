import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { users } from "@/db/schema";
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

let n = 0;
const form = (email: string) => {
  n++;
  return {
    fullName: "Someone Else",
    username: `someone_${Date.now().toString(36)}_${n}`,
    email,
    mobileNumber: "919812345678",
    city: "Pune",
    region: "Maharashtra",
    country: "India",
    password: "attacker-pass-1",
  };
};

describe("sign-up does not tell which emails exist", () => {
  test("a taken email gets the same answer as a new one; the owner is told by mail", async () => {
    const owner = await createActor(h.services);
    const visitor = new BrowserSession(app.url, "198.51.100.60");
    const before = smtp.mails.length;

    const taken = await visitor.trpc("mutation", "auth.signUp", form(owner.input.email.toUpperCase()));
    const fresh = await visitor.trpc("mutation", "auth.signUp", form(`fresh_${n}@example.test`));
    expect(taken.status).toBe(200);
    expect(taken.text).toBe(fresh.text);
    expect(taken.text).not.toMatch(/exists|taken|registered/i);

    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail!.to).toBe(owner.input.email);
    expect(mail!.subject).toBe("Someone tried to create a Hookline account with your email");
    expect(mail!.text).toContain("/forgot-password");
    // No second account, and the owner's password still works.
    const [row] = await h.db.select({ n: count() }).from(users).where(eq(users.email, owner.input.email));
    expect(row!.n).toBe(1);
    expect(
      (await new BrowserSession(app.url, "198.51.100.61").signIn(owner.input.email, owner.input.password)).ok,
    ).toBe(true);
  });

  test("a taken username is still refused, whether or not the email exists", async () => {
    const owner = await createActor(h.services);
    const visitor = new BrowserSession(app.url, "198.51.100.62");
    const withTakenEmail = await visitor.trpc("mutation", "auth.signUp", {
      ...form(owner.input.email),
      username: owner.input.username,
    });
    const withNewEmail = await visitor.trpc("mutation", "auth.signUp", {
      ...form(`new_${n}@example.test`),
      username: owner.input.username,
    });
    expect(withTakenEmail.status).toBe(409);
    expect(withTakenEmail.text).toBe(withNewEmail.text);
  });

  test("on a storefront, the notice carries the reseller's brand", async () => {
    const reseller = await createActor(h.services, { role: "reseller" });
    const b = new BrowserSession(app.url, "198.51.100.63");
    await b.signIn(reseller.input.email, reseller.input.password);
    await b.trpc("mutation", "reseller.saveWhiteLabel", {
      brandName: "Zeta Messaging",
      slug: "zeta-msg",
      primaryColor: "#7c3aed",
      supportEmail: "help@zeta.test",
    });
    const owner = await createActor(h.services);
    const before = smtp.mails.length;
    const res = await new BrowserSession(app.url, "198.51.100.64").trpc("mutation", "storefront.signUp", {
      ...form(owner.input.email),
      slug: "zeta-msg",
    });
    expect(res.data).toEqual({ ok: true });
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail!.subject).toBe("Someone tried to create a Zeta Messaging account with your email");
    expect(mail!.text.startsWith("Zeta Messaging")).toBe(true);
    expect(mail!.html).toContain("#7c3aed");
    expect(mail!.replyTo).toContain("help@zeta.test");
  });
});
