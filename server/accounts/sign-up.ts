import { eq, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { accounts, users } from "@/db/schema";
import { conflict, type FieldIssue } from "@/server/errors";
import { hashPassword } from "@/server/auth/password";
import { newId } from "@/server/lib/ids";
import { isUniqueViolation } from "@/server/lib/is-unique-violation";
import type { SignUpData } from "./schemas";

type SignedUpUser = {
  userId: string;
  accountId: string;
  accountType: "customer" | "reseller";
  createdAt: Date;
};

/**
 * Creates an account and its first user. `resellerId` puts a customer under a reseller
 * (white-label storefront sign-ups); such sign-ups are always customers.
 */
export async function signUp<T = void>(
  { db }: { db: Db },
  input: SignUpData,
  opts: {
    resellerId?: string;
    /** Runs inside the sign-up transaction: what it writes commits (or not) with the account. */
    inTransaction?: (tx: Tx, user: SignedUpUser) => Promise<T>;
  } = {},
): Promise<SignedUpUser & { extra?: T }> {
  await assertUnique(db, input.email, input.username);
  const passwordHash = await hashPassword(input.password);
  const accountType = opts.resellerId ? "customer" : input.accountType;
  const accountId = newId("acc");
  const userId = newId("usr");
  try {
    return await db.transaction(async (tx) => {
      await tx
        .insert(accounts)
        .values({ id: accountId, type: accountType, name: input.fullName, resellerId: opts.resellerId ?? null });
      const [user] = await tx
        .insert(users)
        .values({
          id: userId,
          accountId,
          email: input.email,
          username: input.username,
          passwordHash,
          fullName: input.fullName,
          mobileNumber: input.mobileNumber,
          city: input.city,
          region: input.region,
          country: input.country,
        })
        .returning({ createdAt: users.createdAt });
      const created: SignedUpUser = { userId, accountId, accountType, createdAt: user!.createdAt };
      const extra = opts.inTransaction ? await opts.inTransaction(tx, created) : undefined;
      return { ...created, extra };
    });
  } catch (err) {
    // Two sign-ups racing past assertUnique: the unique index decides.
    if (isUniqueViolation(err)) await assertUnique(db, input.email, input.username);
    throw err;
  }
}

async function assertUnique(db: Db, email: string, username: string) {
  const taken = await db
    .select({ email: users.email, username: users.username })
    .from(users)
    .where(or(eq(users.email, email), sql`lower(${users.username}) = ${username.toLowerCase()}`));
  const issues: FieldIssue[] = [];
  if (taken.some((u) => u.email === email))
    issues.push({ path: ["email"], message: "An account with this email already exists" });
  if (taken.some((u) => u.username.toLowerCase() === username.toLowerCase()))
    issues.push({ path: ["username"], message: "This username is taken" });
  if (issues.length) throw conflict(issues.map((i) => i.message).join(". "), issues);
}
