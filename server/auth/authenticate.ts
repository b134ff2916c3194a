import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts, users } from "@/db/schema";
import { DomainError } from "@/server/errors";
import { signInSchema } from "@/server/accounts/schemas";
import { hashPassword, verifyPassword } from "./password";
import { checkSignInThrottle, clearSignInFailures, recordSignInFailure, type ThrottleConfig } from "./sign-in-throttle";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  username: string;
  accountId: string;
  role: "customer" | "reseller";
};

// Verifying against a real hash even for unknown emails keeps response times alike.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword("hookline-no-such-user"));

/** Checks credentials; throws DomainError UNAUTHORIZED or TOO_MANY_REQUESTS with a user-facing message. */
export async function authenticate(
  { db, throttle }: { db: Db; throttle: ThrottleConfig },
  raw: unknown,
): Promise<SessionUser> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) throw new DomainError("UNAUTHORIZED", "Enter your email and password");
  const { email, password } = parsed.data;

  const gate = await checkSignInThrottle(db, email, throttle);
  if (!gate.allowed) {
    throw new DomainError(
      "TOO_MANY_REQUESTS",
      `Too many failed sign-in attempts. Try again in ${gate.retryAfterMinutes} minute${gate.retryAfterMinutes === 1 ? "" : "s"}.`,
    );
  }

  const [row] = await db
    .select({ user: users, accountType: accounts.type, accountStatus: accounts.status })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(eq(users.email, email));

  const ok = await verifyPassword(row?.user.passwordHash ?? (await getDummyHash()), password);
  if (!row || !ok) {
    await recordSignInFailure(db, email);
    throw new DomainError("UNAUTHORIZED", "Incorrect email or password");
  }
  if (row.accountStatus !== "active") throw new DomainError("FORBIDDEN", "This account is suspended. Contact support.");
  await clearSignInFailures(db, email);
  return {
    id: row.user.id,
    email: row.user.email,
    name: row.user.fullName,
    username: row.user.username,
    accountId: row.user.accountId,
    role: row.accountType,
  };
}
