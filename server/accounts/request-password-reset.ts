import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { passwordResetTokens, users } from "@/db/schema";
import { appUrl } from "@/server/lib/app-url";
import { logUnexpectedError } from "@/server/lib/error-id";
import { newId } from "@/server/lib/ids";
import type { Mailer } from "@/server/mail/mailer";
import { passwordResetMail } from "@/server/mail/templates/password-reset-mail";
import { takeWriteToken } from "@/server/rate-limits/write-limits";
import { hashResetToken, newResetToken, RESET_TOKEN_TTL_MINUTES } from "./reset-token";
import type { RequestPasswordResetInput } from "./schemas";

/**
 * Mails a single-use reset link (30 minutes) when the email has an account. The answer is the
 * same either way, so the form does not tell which emails exist; a few requests per email only.
 */
export async function requestPasswordReset(
  { db, mailer }: { db: Db; mailer: Mailer },
  input: RequestPasswordResetInput,
) {
  await takeWriteToken(db, "requestPasswordReset", `email:${input.email}`);
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.fullName })
    .from(users)
    .where(eq(users.email, input.email));
  if (!user) return { sent: true as const };

  const token = newResetToken();
  await db.insert(passwordResetTokens).values({
    id: newId("prt"),
    userId: user.id,
    tokenHash: hashResetToken(token),
    expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MINUTES * 60_000),
  });
  const mail = passwordResetMail(user, appUrl(`/reset-password?token=${token}`), RESET_TOKEN_TTL_MINUTES);
  // Not awaited: the mail server's speed must not tell whether the email has an account.
  mailer.send(mail).catch((err) => logUnexpectedError("password reset mail", err));
  return { sent: true as const };
}
