import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts, users } from "@/db/schema";
import { DomainError } from "@/server/errors";
import { signInSchema } from "@/server/accounts/schemas";
import { hashPassword, verifyPassword } from "./password";
import { settleSuccessfulSignIn, takeSignInCheck, type ThrottleConfig } from "./sign-in-throttle";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  username: string;
  accountId: string;
  role: "customer" | "reseller";
  sessionVersion: number;
};

// Verifying against a real hash even for unknown emails keeps response times alike.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword("hookline-no-such-user"));

/**
 * Checks credentials; throws DomainError UNAUTHORIZED or TOO_MANY_REQUESTS with a user-facing
 * message. Every check is taken from the throttle first (see sign-in-throttle.ts), known email or not.
 */
export async function authenticate(
  { db, throttle }: { db: Db; throttle: ThrottleConfig },
  raw: unknown,
  client = "unknown",
): Promise<SessionUser> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) throw new DomainError("UNAUTHORIZED", "Enter your email and password");
  const { email, password } = parsed.data;

  await takeSignInCheck(db, email, client, throttle);

  const [row] = await db
    .select({ user: users, accountType: accounts.type, accountStatus: accounts.status })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(eq(users.email, email));

  const ok = await verifyPassword(row?.user.passwordHash ?? (await getDummyHash()), password);
  if (!row || !ok) throw new DomainError("UNAUTHORIZED", "Incorrect email or password");
  await settleSuccessfulSignIn(db, email, client, throttle);
  if (row.accountStatus !== "active") throw new DomainError("FORBIDDEN", "This account is suspended. Contact support.");
  return {
    id: row.user.id,
    email: row.user.email,
    name: row.user.fullName,
    username: row.user.username,
    accountId: row.user.accountId,
    role: row.accountType,
    sessionVersion: row.user.sessionVersion,
  };
}
