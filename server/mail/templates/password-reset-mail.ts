import type { Mail } from "../mailer";
import { renderMail } from "../render-mail";

export function passwordResetMail(to: { email: string; name: string }, resetUrl: string, validMinutes: number): Mail {
  const mail = renderMail({
    subject: "Reset your Hookline password",
    heading: "Reset your password",
    paragraphs: [
      `Hi ${to.name},`,
      `Someone (we hope you) asked to reset the password of the Hookline account ${to.email}. The link below works once, for ${validMinutes} minutes.`,
      "Setting a new password signs you out everywhere.",
    ],
    action: { label: "Choose a new password", url: resetUrl },
    note: "If you did not ask for this, ignore this mail: your password stays as it is.",
  });
  return { to: to.email, ...mail };
}
