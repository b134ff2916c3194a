import { notFound } from "next/navigation";
import { getEnv } from "@/server/env";
import { readOutbox } from "@/server/mail/outbox-mailer";

export const metadata = { title: "Dev outbox" };

/** Development only: the mails Hookline would have sent (no SMTP_URL), newest first. */
export default function DevOutboxPage() {
  const env = getEnv();
  if (env.NODE_ENV !== "development" || env.SMTP_URL) notFound();
  const mails = readOutbox();
  return (
    <main className="mx-auto max-w-3xl space-y-4 px-4 py-10">
      <h1 className="text-2xl font-semibold">Dev outbox</h1>
      <p className="text-sm text-slate-500">
        Without <code>SMTP_URL</code>, development keeps mails here (and in the server log) instead of sending them. The
        last 50 since the server started.
      </p>
      {mails.length === 0 && <p className="text-sm text-slate-600">No mails yet.</p>}
      {mails.map((m) => (
        <article key={m.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <p className="text-xs text-slate-500">
            {m.sentAt.toISOString()} · to {m.to}
          </p>
          <h2 className="mt-1 font-semibold">{m.subject}</h2>
          <pre className="mt-3 whitespace-pre-wrap break-words text-sm text-slate-700">{m.text}</pre>
        </article>
      ))}
    </main>
  );
}
