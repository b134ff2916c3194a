import { getEnv } from "@/server/env";
import type { Mailer } from "./mailer";
import { outboxMailer } from "./outbox-mailer";
import { smtpMailer } from "./smtp-mailer";

const g = globalThis as unknown as { __hooklineMailer?: Mailer };

/**
 * The app's mailer: SMTP when SMTP_URL is set; otherwise the development outbox — and in
 * production without SMTP_URL, nothing is sent and only the subject is logged (mails hold links
 * that must not end up in logs).
 */
export function getMailer(): Mailer {
  if (g.__hooklineMailer) return g.__hooklineMailer;
  const env = getEnv();
  if (env.SMTP_URL) return (g.__hooklineMailer = smtpMailer(env.SMTP_URL, env.MAIL_FROM));
  if (env.NODE_ENV !== "production") return (g.__hooklineMailer = outboxMailer());
  return (g.__hooklineMailer = {
    async send(mail) {
      console.warn(`[hookline] SMTP_URL is not set: mail "${mail.subject}" was not sent.`);
    },
  });
}
