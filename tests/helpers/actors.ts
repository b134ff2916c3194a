import type { Session } from "next-auth";
import type { Db } from "@/db";
import { createCaller } from "@/server/api/root";
import { LocalRunner } from "@/server/delivery/runners/local-runner";
import { signUp } from "@/server/accounts/sign-up";
import { signUpSchema } from "@/server/accounts/schemas";

let seq = 0;

/** Signs up a real user through the domain verb and returns a tRPC caller acting as them. */
export async function createActor(
  db: Db,
  opts: { role?: "customer" | "reseller"; resellerId?: string; name?: string } = {},
) {
  const n = `${Date.now().toString(36)}${++seq}`;
  const input = signUpSchema.parse({
    fullName: opts.name ?? `Test User ${n}`,
    username: `user_${n}`,
    email: `user_${n}@example.test`,
    mobileNumber: "919812345678",
    city: "Pune",
    region: "Maharashtra",
    country: "India",
    password: "correct-horse-1",
    accountType: opts.role ?? "customer",
  });
  const user = await signUp({ db }, input, { resellerId: opts.resellerId });
  const session: Session = {
    expires: new Date(Date.now() + 3600_000).toISOString(),
    user: {
      id: user.userId,
      accountId: user.accountId,
      role: user.accountType,
      username: input.username,
      email: input.email,
      name: input.fullName,
    },
  };
  return { ...user, input, session, caller: createCaller({ db, session, getRunner: async () => testRunner(db) }) };
}

export const anonymousCaller = (db: Db) => createCaller({ db, session: null, getRunner: async () => testRunner(db) });

/** A real runner on the test database, not started: enqueue() only wakes it. Tests that need sends start their own. */
function testRunner(db: Db) {
  return new LocalRunner({ db });
}
