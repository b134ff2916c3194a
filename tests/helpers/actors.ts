import type { Session } from "next-auth";
import type { Db } from "@/db";
import { signUpSchema } from "@/server/accounts/schemas";
import { signUp } from "@/server/accounts/sign-up";
import { createCaller } from "@/server/api/root";
import type { Actor } from "@/server/auth/actor";
import type { DeliveryRunner } from "@/server/delivery/delivery-runner";
import { LocalRunner } from "@/server/delivery/runners/local-runner";

/**
 * What a test hands the transports: its database and, optionally, a runner. Without one, tRPC
 * callers get a real runner on the test database that is never started (enqueue() only wakes it;
 * tests that need sends start their own, see tests/helpers/integration.ts).
 */
export type TestServices = { db: Db; runner?: DeliveryRunner };

let seq = 0;

const servicesOf = ({ db, runner }: TestServices) => ({ db, runner: runner ?? new LocalRunner({ db }) });

/**
 * Signs up a real user through the domain verb. Returns its ids, the sign-up input, the session,
 * the `actor` to call domain verbs with (`verb({ db, actor: me.actor }, input)`) and a tRPC caller
 * acting as them on `services`.
 */
export async function createActor(
  services: TestServices,
  opts: { role?: "customer" | "reseller"; resellerId?: string; name?: string } = {},
) {
  const { db, runner } = servicesOf(services);
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
  const actor: Actor = { userId: user.userId, accountId: user.accountId, role: user.accountType };
  const session: Session = {
    expires: new Date(Date.now() + 3600_000).toISOString(),
    user: {
      id: user.userId,
      accountId: user.accountId,
      role: user.accountType,
      username: input.username,
      email: input.email,
      name: input.fullName,
      sessionVersion: 1,
    },
  };
  return { ...user, input, actor, session, caller: createCaller({ db, runner, session }) };
}

export type TestActor = Awaited<ReturnType<typeof createActor>>;

/** A tRPC caller with no session (public procedures; protected ones answer UNAUTHORIZED). */
export const anonymousCaller = (services: TestServices) => createCaller({ ...servicesOf(services), session: null });
