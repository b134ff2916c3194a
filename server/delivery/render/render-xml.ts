/**
 * `<?xml …?><webhook>…</webhook>` from ordered entries. Objects become nested elements, arrays
 * repeat an `<item>` element, null/undefined are omitted. Names that are not valid XML names
 * (a customer's "Transaction ID") have invalid characters replaced by `_`.
 */
export function renderXml(entries: [string, unknown][]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><webhook>${entries.map(([k, v]) => element(k, v)).join("")}</webhook>`;
}

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return "";
  const tag = xmlName(name);
  let inner: string;
  if (value instanceof Date) inner = escapeText(value.toISOString());
  else if (Array.isArray(value)) inner = value.map((item) => element("item", item)).join("");
  else if (typeof value === "object") {
    inner = Object.entries(value)
      .map(([k, v]) => element(k, v))
      .join("");
  } else inner = escapeText(String(value));
  return `<${tag}>${inner}</${tag}>`;
}

function xmlName(name: string): string {
  const cleaned = name.replace(/[^\p{L}\p{N}_.-]/gu, "_");
  return /^[\p{L}_]/u.test(cleaned) ? cleaned : `_${cleaned}`;
}

// Characters XML 1.0 cannot carry at all (C0 controls except tab/LF/CR, U+FFFE/U+FFFF, lone
// surrogates) are dropped; CR is written as a reference so parsers do not fold it into LF.
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function escapeText(text: string): string {
  return text
    .replace(FORBIDDEN, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\r/g, "&#13;");
}
