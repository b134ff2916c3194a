import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { users } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import { conflict, DomainError } from "@/server/errors";
import { appUrl } from "@/server/lib/app-url";
import { logUnexpectedError } from "@/server/lib/error-id";
import { getMailer } from "@/server/mail/get-mailer";
import type { Mailer, MailBrand } from "@/server/mail/mailer";
import { alreadyRegisteredMail } from "@/server/mail/templates/already-registered-mail";
import type { SignUpData } from "./schemas";
import { signUp } from "./sign-up";

type RegisterOptions<T> = {
  resellerId?: string;
  /** The storefront's brand on the notice to an existing owner. */
  brand?: MailBrand;
  inTransaction?: (tx: Tx, user: { userId: string; accountId: string; createdAt: Date }) => Promise<T>;
};

/**
 * Sign-up as the forms see it. An email that already has an account gets the same answer as a
 * new one — the form never says which emails exist — and its owner is told by mail instead.
 * A taken username is refused first, whatever the email (usernames are not secret, and checking
 * it first keeps the two answers from telling emails apart).
 */
export async function registerAccount<T = void>(
  { db, mailer = getMailer() }: { db: Db; mailer?: Mailer },
  input: SignUpData,
  opts: RegisterOptions<T> = {},
): Promise<{ created: true; userId: string; accountId: string; extra?: T } | { created: false }> {
  const [usernameTaken] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = ${input.username.toLowerCase()}`);
  if (usernameTaken) throw usernameConflict();
  const [owner] = await db
    .select({ email: users.email, name: users.fullName })
    .from(users)
    .where(eq(users.email, input.email));
  if (owner) {
    await hashPassword(input.password); // the same work as a real sign-up, so timing tells nothing
    notifyOwner(mailer, owner, opts.brand);
    return { created: false };
  }
  try {
    const user = await signUp({ db }, input, opts);
    return { created: true, userId: user.userId, accountId: user.accountId, extra: user.extra };
  } catch (err) {
    // Lost a race with another sign-up for the same email: the same answer as above.
    if (err instanceof DomainError && err.issues?.some((i) => i.path[0] === "email")) {
      if (!err.issues.some((i) => i.path[0] === "username")) {
        notifyOwner(mailer, { email: input.email, name: input.fullName }, opts.brand);
        return { created: false };
      }
      throw usernameConflict();
    }
    throw err;
  }
}

const usernameConflict = () =>
  conflict("This username is taken", [{ path: ["username"], message: "This username is taken" }]);

function notifyOwner(mailer: Mailer, owner: { email: string; name: string }, brand?: MailBrand) {
  const mail = alreadyRegisteredMail(
    owner,
    { signIn: appUrl("/sign-in"), resetPassword: appUrl("/forgot-password") },
    brand,
  );
  // Not awaited: how long the mail server takes must not tell the visitor anything.
  mailer.send(mail).catch((err) => logUnexpectedError("already-registered mail", err));
}
