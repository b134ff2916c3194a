import type { Mail, Mailer } from "./mailer";

type OutboxEntry = Mail & { id: number; sentAt: Date };

const KEEP = 50;
// On globalThis so development reloads keep the outbox.
const g = globalThis as unknown as { __hooklineOutbox?: OutboxEntry[]; __hooklineOutboxSeq?: number };

/** Development: mails are kept in memory for the /dev/outbox page and logged, never sent. */
export function outboxMailer(): Mailer {
  return {
    async send(mail: Mail) {
      const outbox = (g.__hooklineOutbox ??= []);
      const id = (g.__hooklineOutboxSeq = (g.__hooklineOutboxSeq ?? 0) + 1);
      outbox.unshift({ ...mail, id, sentAt: new Date() });
      outbox.length = Math.min(outbox.length, KEEP);
      console.info(`[hookline] mail (dev outbox, not sent) to ${mail.to}: ${mail.subject}\n${mail.text}`);
    },
  };
}

/** The development outbox, newest first. */
export function readOutbox(): OutboxEntry[] {
  return [...(g.__hooklineOutbox ?? [])];
}
