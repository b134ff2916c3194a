import { and, count, eq } from "drizzle-orm";
import { accounts, users } from "@/db/schema";
import type { DomainContext } from "@/server/auth/actor";
import { deleteAttempts } from "@/server/delivery/log/delete-attempts";
import { verifyPassword } from "@/server/auth/password";
import { invalid, notFound } from "@/server/errors";
import type { DeleteAccountInput } from "./schemas";

/**
 * Deletes the account and everything it owns (users, endpoints, events, deliveries, attempts,
 * keys, storefront) after checking the password. A reseller's customers keep their accounts,
 * detached from it (their reseller becomes none). Sessions end by themselves: the user is gone.
 */
export async function deleteAccount({ db, actor }: DomainContext, input: DeleteAccountInput) {
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, actor.userId), eq(users.accountId, actor.accountId)));
  if (!user) throw notFound("User");
  if (!(await verifyPassword(user.passwordHash, input.password)))
    throw invalid("Your password is not right", [{ path: ["password"], message: "This is not your password" }]);
  return db.transaction(async (tx) => {
    const [customers] = await tx.select({ n: count() }).from(accounts).where(eq(accounts.resellerId, actor.accountId));
    await tx.delete(accounts).where(eq(accounts.id, actor.accountId));
    await deleteAttempts(tx, { accountId: actor.accountId });
    return { deleted: true as const, detachedCustomers: customers?.n ?? 0 };
  });
}
