import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "@/server/env";
import { newId } from "@/server/lib/ids";

export type MailMessage = { to: string; subject: string; text: string };
export type Mailer = { send(message: MailMessage): Promise<void> };

/**
 * Email out of the app: SMTP when SMTP_URL is set (smtp://user:pass@host:587), otherwise each
 * message is written as an .eml file to MAIL_DIR (default ./.data/mail) — a development outbox you
 * can open in any mail client, and what tests read.
 */
export function getMailer(): Mailer {
  const env = getEnv();
  if (env.SMTP_URL) return smtpMailer(env.SMTP_URL, env.MAIL_FROM);
  return fileMailer(env.MAIL_DIR, env.MAIL_FROM);
}

export function fileMailer(dir: string, from: string): Mailer {
  return {
    async send(m) {
      mkdirSync(dir, { recursive: true });
      const eml = [
        `From: ${from}`,
        `To: ${m.to}`,
        `Subject: ${m.subject}`,
        `Date: ${new Date().toUTCString()}`,
        "Content-Type: text/plain; charset=utf-8",
        "",
        m.text,
      ].join("\r\n");
      writeFileSync(path.join(dir, `${newId("ntf")}.eml`), eml);
    },
  };
}

function smtpMailer(url: string, from: string): Mailer {
  let transport: Promise<import("nodemailer").Transporter> | null = null;
  return {
    async send(m) {
      transport ??= import("nodemailer").then((nm) => nm.createTransport(url));
      await (await transport).sendMail({ from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}
