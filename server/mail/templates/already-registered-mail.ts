import type { Mail, MailBrand } from "../mailer";
import { renderMail } from "../render-mail";

/** To the owner of an email someone tried to sign up with (the form itself does not say so). */
export function alreadyRegisteredMail(
  to: { email: string; name: string },
  links: { signIn: string; resetPassword: string },
  brand?: MailBrand,
): Mail {
  const name = brand?.name ?? "Hookline";
  const mail = renderMail(
    {
      subject: `Someone tried to create a ${name} account with your email`,
      heading: "You already have an account",
      paragraphs: [
        `Hi ${to.name},`,
        `Someone just tried to create a new ${name} account with ${to.email}. This email already belongs to your account, so no new account was created.`,
        `If it was you, sign in — or reset your password if you have forgotten it (${links.resetPassword}).`,
      ],
      action: { label: "Sign in", url: links.signIn },
      note: "If it was not you, you can ignore this mail: nothing about your account has changed.",
    },
    brand,
  );
  return { to: to.email, replyTo: brand?.supportEmail ?? null, ...mail };
}
