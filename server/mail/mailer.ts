/** A storefront's brand on mails sent to its customers; Hookline's own otherwise. */
export type MailBrand = { name: string; color: string; logoUrl?: string | null; supportEmail?: string | null };

/** A rendered mail: one HTML body and its plain-text alternative. */
export type Mail = { to: string; subject: string; html: string; text: string; replyTo?: string | null };

/** How mails leave: SMTP in production, the development outbox otherwise (see getMailer). */
export type Mailer = { send(mail: Mail): Promise<void> };

export const HOOKLINE_BRAND: MailBrand = { name: "Hookline", color: "#2f6fed" };
