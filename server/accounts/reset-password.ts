import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { passwordResetTokens, users } from "@/db/schema";
import { endUserSessions } from "@/server/auth/end-user-sessions";
import { hashPassword } from "@/server/auth/password";
import { invalid } from "@/server/errors";
import { rateLimits } from "@/db/schema";
import { hashResetToken } from "./reset-token";
import type { ResetPasswordInput } from "./schemas";

/**
 * Sets a new password from a mailed link: the token is used up in the same statement that checks
 * it (so it works once, even when clicked twice at once), every session of the user ends, and
 * the sign-in throttle on the email is cleared.
 */
export async function resetPassword({ db }: { db: Db }, input: ResetPasswordInput) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [used] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, hashResetToken(input.token)),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, new Date()),
        ),
      )
      .returning({ userId: passwordResetTokens.userId });
    if (!used)
      throw invalid("This reset link has expired or was already used. Ask for a new one.", [
        { path: ["token"], message: "This reset link has expired or was already used" },
      ]);
    const [user] = await tx
      .update(users)
      .set({ passwordHash })
      .where(eq(users.id, used.userId))
      .returning({ email: users.email });
    // Other links of this user are spent too: one reset per mail round.
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.userId, used.userId), isNull(passwordResetTokens.usedAt)));
    await endUserSessions(tx, used.userId);
    if (user) await tx.delete(rateLimits).where(eq(rateLimits.key, `signin:email:${user.email}`));
    return { email: user?.email ?? "" };
  });
}
