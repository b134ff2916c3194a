import type { Mail, MailBrand } from "../mailer";
import { renderMail } from "../render-mail";

/** An endpoint alert (failing, disabled, recovered) as a mail, in the account's brand. */
export function endpointAlertMail(
  to: string,
  alert: { title: string; body: string },
  endpointUrl: string | null,
  brand?: MailBrand,
): Mail {
  const mail = renderMail(
    {
      subject: alert.title,
      heading: alert.title,
      paragraphs: [alert.body],
      ...(endpointUrl ? { action: { label: "Open the endpoint", url: endpointUrl } } : {}),
      note: "You get this because alerts go to every user of the account.",
    },
    brand,
  );
  return { to, ...mail };
}
