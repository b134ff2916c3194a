type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name];
  return Array.isArray(v) ? v.join(",") : v;
}

/**
 * The client's address for throttling: the last X-Forwarded-For entry — the one added by the
 * proxy in front of the app (Vercel sets it; `next start` sets it from the socket when absent).
 * Without a proxy a client can choose this header, so run the app behind one in production.
 */
export function clientAddress(headers: HeaderSource): string {
  const forwarded = header(headers, "x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  const address = last || header(headers, "x-real-ip")?.trim();
  return address && address.length <= 64 ? address.toLowerCase() : "unknown";
}
