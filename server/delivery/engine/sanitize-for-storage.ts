/**
 * Postgres refuses NUL characters in text and jsonb, and lone UTF-16 surrogates in jsonb; a
 * receiver's response may contain either. Stored copies get U+FFFD in their place (the receiver
 * already had the real bytes), so one odd response can never stop an attempt from being recorded.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function sanitizeText(s: string): string;
export function sanitizeText(s: string | null): string | null;
export function sanitizeText(s: string | null): string | null {
  if (s === null) return null;
  const noNul = s.includes("\u0000") ? s.replace(/\u0000/g, "\uFFFD") : s;
  // Lone surrogates. isWellFormed (Node 20+, not yet in our TS lib) answers a string of one-byte
  // characters at once, where the pattern scanned every request body and response it was given.
  return (noNul as WellFormedCheck).isWellFormed() ? noNul : noNul.replace(LONE_SURROGATE, "\uFFFD");
}

type WellFormedCheck = string & { isWellFormed(): boolean };

/** `values` itself when nothing in it needs a replacement (response headers nearly always). */
export function sanitizeRecord(values: Record<string, string>): Record<string, string> {
  let clean = true;
  for (const k in values) if (sanitizeText(k) !== k || sanitizeText(values[k]!) !== values[k]) clean = false;
  if (clean) return values;
  const out: Record<string, string> = {};
  for (const k in values) out[sanitizeText(k)] = sanitizeText(values[k]!);
  return out;
}
