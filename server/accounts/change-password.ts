import { and, eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { DomainContext } from "@/server/auth/actor";
import { endUserSessions } from "@/server/auth/end-user-sessions";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { invalid, notFound } from "@/server/errors";
import type { ChangePasswordInput } from "./schemas";

/** A new password after checking the current one; every session of the user ends (sign in again). */
export async function changePassword({ db, actor }: DomainContext, input: ChangePasswordInput) {
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, actor.userId), eq(users.accountId, actor.accountId)));
  if (!user) throw notFound("User");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
    throw invalid("Your current password is not right", [
      { path: ["currentPassword"], message: "This is not your current password" },
    ]);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, actor.userId));
    await endUserSessions(tx, actor.userId);
  });
  return { changed: true as const };
}
