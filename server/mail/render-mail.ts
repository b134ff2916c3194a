import { HOOKLINE_BRAND, type MailBrand } from "./mailer";

type MailContent = {
  subject: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Small print under the action, e.g. why the mail was sent. */
  note?: string;
};

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const SAFE_COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * The one mail template: the brand's name (and logo) on top, a heading, paragraphs, one button,
 * a note — as HTML with every value escaped, and as the plain-text alternative.
 */
export function renderMail(content: MailContent, brand: MailBrand = HOOKLINE_BRAND) {
  const color = SAFE_COLOR.test(brand.color) ? brand.color : HOOKLINE_BRAND.color;
  const logo =
    brand.logoUrl && /^https:\/\//i.test(brand.logoUrl)
      ? `<img src="${escapeHtml(brand.logoUrl)}" alt="" height="32" style="vertical-align:middle;margin-right:8px">`
      : "";
  const support = brand.supportEmail ? `Questions? Write to ${brand.supportEmail}.` : "";
  const html = `<!doctype html><html><body style="margin:0;background:#f8fafc;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#0f172a">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:32px 16px">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" style="max-width:560px;background:#fff;border-radius:12px;border:1px solid #e2e8f0">
<tr><td style="padding:24px 32px;border-bottom:3px solid ${color};font-size:18px;font-weight:700">${logo}${escapeHtml(brand.name)}</td></tr>
<tr><td style="padding:32px">
<h1 style="margin:0 0 16px;font-size:20px">${escapeHtml(content.heading)}</h1>
${content.paragraphs.map((p) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(p)}</p>`).join("\n")}
${
  content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:${color};color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(content.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#64748b">Or open this link: ${escapeHtml(content.action.url)}</p>`
    : ""
}
${content.note ? `<p style="margin:16px 0 0;font-size:13px;color:#64748b">${escapeHtml(content.note)}</p>` : ""}
</td></tr>
${support ? `<tr><td style="padding:16px 32px;border-top:1px solid #e2e8f0;font-size:12px;color:#64748b">${escapeHtml(support)}</td></tr>` : ""}
</table></td></tr></table></body></html>`;

  const text = [
    brand.name,
    "",
    content.heading,
    "",
    ...content.paragraphs.flatMap((p) => [p, ""]),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ""] : []),
    ...(content.note ? [content.note, ""] : []),
    ...(support ? [support] : []),
  ]
    .join("\n")
    .trimEnd();
  return { subject: content.subject, html, text };
}
