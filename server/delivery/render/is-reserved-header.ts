const RESERVED = new Set([
  "host",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "upgrade",
  "te",
  "trailer",
  "expect",
  "proxy-connection",
]);

/**
 * Headers a customer's custom headers may not set: framing/hop-by-hop headers the HTTP client
 * owns, and `webhook-*` (the signature). Content-Type and User-Agent may be overridden.
 */
export function isReservedHeader(name: string): boolean {
  const lower = name.trim().toLowerCase();
  return RESERVED.has(lower) || lower.startsWith("webhook-");
}
