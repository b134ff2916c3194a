/**
 * Forgiving input: what people paste into phone-number and URL fields. Shared by the zod schemas
 * (server) and the forms (browser).
 */

/** "+91 98765 00001", "(91) 98765-00001" → "919876500001": digits only, no leading "+". */
export function normalizePhone(value: string): string {
  const trimmed = value.trim();
  // Only separators are dropped; anything else is left for the schema to refuse.
  return /^\+?[\d\s().-]+$/.test(trimmed) ? trimmed.replace(/[^\d]/g, "") : trimmed;
}

/** "example.com/hook" → "https://example.com/hook"; null when it has a scheme or is not a host and path. */
export function suggestHttps(value: string): string | null {
  const v = value.trim();
  if (!v || /^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return null;
  const host = /^([a-z0-9-]+(?:\.[a-z0-9-]+)*)(:\d{1,5})?(?:[/?#].*)?$/i.exec(v);
  if (!host) return null;
  if (!host[1]!.includes(".") && host[1]!.toLowerCase() !== "localhost" && !host[2]) return null;
  return `https://${v}`;
}
