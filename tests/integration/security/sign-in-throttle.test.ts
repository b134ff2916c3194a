import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { authenticate } from "@/server/auth/authenticate";
import { DomainError } from "@/server/errors";
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

// The app's defaults: 10 checks per email and client, 20 per client, over 15 minutes.
const THROTTLED = /Too many sign-in attempts\. Try again in \d+ minutes?\./;

describe("sign-in throttle (over HTTP, next-auth's credentials callback)", () => {
  test("50 parallel sign-ins, 49 wrong and the right one last: at most 10 passwords are checked", async () => {
    const u = await createActor(h.services);
    const attacker = new BrowserSession(app.url, "192.0.2.66");
    const csrf = await attacker.csrfToken();
    const passwords = [...Array.from({ length: 49 }, (_, i) => `wrong-password-${i}`), u.input.password];
    const results = await Promise.all(passwords.map((p) => attacker.signIn(u.input.email, p, csrf)));

    const checked = results.filter(
      (r) => r.ok || r.error === "CredentialsSignin" || r.error === "Incorrect email or password",
    );
    const throttled = results.filter((r) => r.error && THROTTLED.test(r.error));
    expect(checked.length).toBeLessThanOrEqual(10);
    expect(checked.length + throttled.length).toBe(50);
  });

  test("one client trying many emails is stopped after 20 checks", async () => {
    const client = new BrowserSession(app.url, "192.0.2.77");
    const csrf = await client.csrfToken();
    const results = [];
    for (let i = 0; i < 25; i++) results.push(await client.signIn(`nobody-${i}@example.test`, "some-password-1", csrf));
    const throttled = results.filter((r) => r.error && THROTTLED.test(r.error));
    expect(results.length - throttled.length).toBe(20);
  });

  test("a guesser locks only itself out: the owner signs in from elsewhere", async () => {
    const u = await createActor(h.services);
    const attacker = new BrowserSession(app.url, "192.0.2.88");
    const csrf = await attacker.csrfToken();
    for (let i = 0; i < 12; i++) await attacker.signIn(u.input.email, `guess-${i}-aaaa`, csrf);
    expect((await attacker.signIn(u.input.email, u.input.password, csrf)).error).toMatch(THROTTLED);

    const owner = new BrowserSession(app.url, "203.0.113.5");
    expect(await owner.signIn(u.input.email, u.input.password)).toEqual({ ok: true, error: null });
  });

  test("wrong password and unknown email answer alike", async () => {
    const u = await createActor(h.services);
    const b = new BrowserSession(app.url, "192.0.2.99");
    const wrong = await b.signIn(u.input.email, "not-the-password-1");
    const unknown = await b.signIn("ghost@example.test", "not-the-password-1");
    expect(wrong).toEqual(unknown);
  });
});

describe("authenticate() under a parallel burst (the check and count are one atomic step)", () => {
  const throttle = { maxFailures: 5, windowMinutes: 15, maxFailuresPerClient: 1000 };

  test("200 parallel checks for one email and client: exactly 5 reach the password", async () => {
    const u = await createActor(h.services);
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        authenticate({ db: h.db, throttle }, { email: u.input.email, password: `bad-password-${i}` }, "192.0.2.1").then(
          () => "ok",
          (e: DomainError) => e.code,
        ),
      ),
    );
    expect(outcomes.filter((o) => o === "UNAUTHORIZED")).toHaveLength(5);
    expect(outcomes.filter((o) => o === "TOO_MANY_REQUESTS")).toHaveLength(195);
  });

  test("a success forgets the failures against the email", async () => {
    const u = await createActor(h.services);
    for (let i = 0; i < 4; i++)
      await authenticate(
        { db: h.db, throttle },
        { email: u.input.email, password: `bad-password-${i}` },
        "192.0.2.2",
      ).catch(() => {});
    await authenticate({ db: h.db, throttle }, { email: u.input.email, password: u.input.password }, "192.0.2.2");
    for (let i = 0; i < 5; i++)
      await expect(
        authenticate({ db: h.db, throttle }, { email: u.input.email, password: `bad-again-${i}` }, "192.0.2.2"),
      ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
