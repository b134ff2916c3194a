import { describe, expect, test } from "vitest";
import { authenticate } from "@/server/auth/authenticate";
import { DomainError } from "@/server/errors";
import { setupIntegration } from "@/tests/helpers/integration";
import { createActor } from "@/tests/helpers/actors";

const h = setupIntegration();

const throttle = { maxFailures: 3, windowMinutes: 15, maxFailuresPerClient: 100 };

describe("authenticate", () => {
  test("returns the session user with account id and role", async () => {
    const a = await createActor(h.services, { role: "reseller" });
    const user = await authenticate(
      { db: h.db, throttle },
      { email: a.input.email.toUpperCase(), password: a.input.password },
    );
    expect(user).toMatchObject({ id: a.userId, accountId: a.accountId, role: "reseller", email: a.input.email });
  });

  test("wrong password and unknown email give the same message", async () => {
    const a = await createActor(h.services);
    const wrong = await authenticate({ db: h.db, throttle }, { email: a.input.email, password: "nope-nope-1" }).catch(
      (e) => e,
    );
    const unknown = await authenticate(
      { db: h.db, throttle },
      { email: "ghost@example.test", password: "nope-nope-1" },
    ).catch((e) => e);
    expect(wrong).toBeInstanceOf(DomainError);
    expect(wrong.message).toBe("Incorrect email or password");
    expect(unknown.message).toBe(wrong.message);
  });

  test("refuses an email after too many failures, even with the right password", async () => {
    const a = await createActor(h.services);
    for (let i = 0; i < throttle.maxFailures; i++) {
      await expect(
        authenticate({ db: h.db, throttle }, { email: a.input.email, password: `bad-password-${i}` }),
      ).rejects.toThrow("Incorrect");
    }
    const err = await authenticate({ db: h.db, throttle }, { email: a.input.email, password: a.input.password }).catch(
      (e) => e,
    );
    expect(err.code).toBe("TOO_MANY_REQUESTS");
    // Buckets refill one check per window/maxFailures: a wait of about 5 minutes, not the whole window.
    expect(err.message).toMatch(/^Too many sign-in attempts\. Try again in [45] minutes\.$/);
  });

  test("a success clears earlier failures", async () => {
    const a = await createActor(h.services);
    const bad = (i: number) =>
      authenticate({ db: h.db, throttle }, { email: a.input.email, password: `bad-pass-${i}` });
    for (let i = 0; i < throttle.maxFailures - 1; i++) await bad(i).catch(() => {});
    await authenticate({ db: h.db, throttle }, { email: a.input.email, password: a.input.password });
    // A full allowance again: maxFailures more wrong passwords are checked (not throttled).
    for (let i = 0; i < throttle.maxFailures; i++) await expect(bad(10 + i)).rejects.toThrow("Incorrect");
  });
});
