import type { Db } from "@/db";
import { signUpSchema } from "@/server/accounts/schemas";
import { signUp } from "@/server/accounts/sign-up";

let seq = 0;

/** A real account and user through the sign-up verb; returns what a browser would sign in with. */
export async function createUser(db: Db, opts: { role?: "customer" | "reseller"; resellerId?: string } = {}) {
  const n = `${Date.now().toString(36)}${++seq}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const input = signUpSchema.parse({
    fullName: `Test User ${n}`,
    username: `u_${n}`,
    email: `u_${n}@example.test`,
    mobileNumber: "919812345678",
    city: "Pune",
    region: "Maharashtra",
    country: "India",
    password: "correct-horse-1",
    accountType: opts.role ?? "customer",
  });
  const user = await signUp({ db }, input, { resellerId: opts.resellerId });
  return { ...user, email: input.email, password: input.password, input };
}
