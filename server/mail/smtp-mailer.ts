import nodemailer from "nodemailer";
import type { Mail, Mailer } from "./mailer";

/** Sends through the SMTP server at `url` (`smtp://` or `smtps://user:pass@host:port`). */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail: Mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        replyTo: mail.replyTo ?? undefined,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
    },
  };
}
