import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { smtpMailer } from "@/server/mail/smtp-mailer";
import type { Mailer } from "@/server/mail/mailer";

export type ReceivedMail = { to: string; from: string; subject: string; text: string; html: string; replyTo: string };

/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package) that keeps every mail it receives,
 * parsed, and a Mailer that sends to it over SMTP.
 */
export async function startSmtpServer(): Promise<{
  mails: ReceivedMail[];
  mailer: Mailer;
  waitFor: (count: number, timeoutMs?: number) => Promise<ReceivedMail[]>;
  close: () => Promise<void>;
}> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((m) => {
          const to = Array.isArray(m.to) ? m.to.map((a) => a.text).join(", ") : (m.to?.text ?? "");
          mails.push({
            to,
            from: m.from?.text ?? "",
            subject: m.subject ?? "",
            text: m.text ?? "",
            html: typeof m.html === "string" ? m.html : "",
            replyTo: m.replyTo?.text ?? "",
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    mails,
    mailer: smtpMailer(`smtp://127.0.0.1:${port}`, "Hookline <no-reply@hookline.test>"),
    async waitFor(count, timeoutMs = 10_000) {
      const end = Date.now() + timeoutMs;
      while (mails.length < count) {
        if (Date.now() > end) throw new Error(`SMTP server got ${mails.length} mail(s), expected ${count}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return mails.slice(0, count);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
