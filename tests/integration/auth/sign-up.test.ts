import { describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { verifyPassword } from "@/server/auth/password";
import { setupIntegration } from "@/tests/helpers/integration";
import { anonymousCaller } from "@/tests/helpers/actors";

const h = setupIntegration();

const valid = {
  fullName: "Jon Doe",
  username: "jondoe",
  email: "Jon@Example.test",
  mobileNumber: "919812345678",
  city: "Mumbai",
  region: "Maharashtra",
  country: "India",
  password: "s3cure-password",
};

describe("auth.signUp", () => {
  test("creates a customer account with an argon2id password hash, email lower-cased", async () => {
    const res = await anonymousCaller(h.services).auth.signUp(valid);
    expect(res.accountType).toBe("customer");
    const [row] = await h.db.select().from(users).where(eq(users.email, "jon@example.test"));
    expect(row!.email).toBe("jon@example.test");
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row!.passwordHash).not.toContain(valid.password);
    expect(await verifyPassword(row!.passwordHash, valid.password)).toBe(true);
    expect(await verifyPassword(row!.passwordHash, "wrong-password-1")).toBe(false);
  });

  test("refuses a duplicate username (case-insensitive) with a field issue, whatever the email", async () => {
    const err = await anonymousCaller(h.services)
      .auth.signUp({ ...valid, email: "JON@example.test", username: "JonDoe" })
      .catch((e) => e);
    expect(err.code).toBe("CONFLICT");
    expect(err.cause.issues).toEqual([{ path: ["username"], message: "This username is taken" }]);
  });

  test("a duplicate email answers like a new one and creates nothing (the owner is mailed: see mail tests)", async () => {
    const res = await anonymousCaller(h.services).auth.signUp({
      ...valid,
      email: "JON@example.test",
      username: "jon2",
    });
    expect(res).toEqual({ accountType: "customer" });
    expect(await h.db.select().from(users).where(eq(users.username, "jon2"))).toEqual([]);
  });

  test("validates every field with the shared schema", async () => {
    const err = await anonymousCaller(h.services)
      .auth.signUp({ ...valid, email: "not-an-email", password: "short", mobileNumber: "abc", username: "a b" })
      .catch((e) => e);
    expect(err.code).toBe("BAD_REQUEST");
    const paths = (err.cause.issues as { path: string[] }[]).map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["email", "password", "mobileNumber", "username"]));
  });

  test("registers a reseller when asked", async () => {
    const res = await anonymousCaller(h.services).auth.signUp({
      ...valid,
      email: "r@example.test",
      username: "reseller1",
      accountType: "reseller",
    });
    expect(res.accountType).toBe("reseller");
  });
});
