import type { ErrorClass } from "@/server/delivery/types";
import { formatDuration } from "./format-duration";

type Classified = { errorClass: ErrorClass; errorMessage: string };
type ErrorLike = Error & {
  code?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  errors?: unknown;
};

const TIMEOUT_CODES = ["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "UND_ERR_CONNECT_TIMEOUT", "ETIMEDOUT"];
const DNS_CODES = ["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "EAI_NODATA", "EAI_FAIL", "ENODATA"];
const RESET_CODES = ["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"];
const INVALID_RESPONSE_CODES = [
  "UND_ERR_RES_CONTENT_LENGTH_MISMATCH",
  "UND_ERR_HEADERS_OVERFLOW",
  "UND_ERR_RES_EXCEEDED_MAX_SIZE",
  "UND_ERR_INFO",
];
const TLS_CODE = /CERT|SSL|TLS|^EPROTO$|HANDSHAKE|SIGNATURE|ISSUER/;

/**
 * Maps whatever undici/net/tls threw (possibly wrapped in `cause` or an AggregateError from
 * happy-eyeballs) to an ErrorClass and a sentence a customer can act on.
 */
export function classifyError(err: unknown, ctx: { url: URL; timeoutMs: number; timedOut: boolean }): Classified {
  const target = `${ctx.url.hostname}:${ctx.url.port || (ctx.url.protocol === "https:" ? "443" : "80")}`;
  if (ctx.timedOut) return { errorClass: "timeout", errorMessage: `timed out after ${formatDuration(ctx.timeoutMs)}` };

  const all = flatten(err);
  const find = (test: (code: string) => boolean) => all.find((e) => typeof e.code === "string" && test(e.code));

  const blocked = find((c) => c === "EBLOCKED");
  if (blocked) {
    const host = typeof blocked.hostname === "string" ? blocked.hostname : "";
    const via = host && host !== blocked.address ? ` (${host} resolves to it)` : "";
    return { errorClass: "blocked_address", errorMessage: `${blocked.message}${via}` };
  }
  if (find((c) => TIMEOUT_CODES.includes(c)) || all.some((e) => e.name === "TimeoutError")) {
    return { errorClass: "timeout", errorMessage: `timed out after ${formatDuration(ctx.timeoutMs)}` };
  }
  const dns = find((c) => DNS_CODES.includes(c));
  if (dns) {
    const temporary = dns.code === "EAI_AGAIN" ? " (temporary DNS failure)" : "";
    return { errorClass: "dns", errorMessage: `could not resolve host ${ctx.url.hostname}${temporary}` };
  }
  const refused = find((c) => c === "ECONNREFUSED");
  if (refused) return { errorClass: "refused", errorMessage: `connection refused by ${peer(refused) ?? target}` };
  const reset = find((c) => RESET_CODES.includes(c));
  if (reset) {
    return { errorClass: "refused", errorMessage: `connection closed by ${peer(reset) ?? target} before a response` };
  }
  const tls = find((c) => TLS_CODE.test(c)) ?? all.find((e) => /certificate/i.test(e.message));
  if (tls) return { errorClass: "tls", errorMessage: `TLS error with ${ctx.url.hostname}: ${tls.message}` };
  const invalid =
    find((c) => c.startsWith("HPE_") || INVALID_RESPONSE_CODES.includes(c)) ??
    all.find((e) => e.name === "HTTPParserError");
  if (invalid) {
    return { errorClass: "invalid_response", errorMessage: `invalid HTTP response from ${target}: ${invalid.message}` };
  }
  const first = all[0];
  const detail = first ? `${first.message}${typeof first.code === "string" ? ` (${first.code})` : ""}` : String(err);
  return { errorClass: "network", errorMessage: `network error reaching ${target}: ${detail}` };
}

function flatten(err: unknown, depth = 0, out: ErrorLike[] = []): ErrorLike[] {
  if (depth > 4 || !(err instanceof Error)) return out;
  const e = err as ErrorLike;
  out.push(e);
  if (Array.isArray(e.errors)) for (const inner of e.errors) flatten(inner, depth + 1, out);
  flatten(e.cause, depth + 1, out);
  return out;
}

function peer(err: ErrorLike): string | null {
  if (typeof err.address !== "string" || typeof err.port !== "number") return null;
  const host = err.address.includes(":") ? `[${err.address}]` : err.address;
  return `${host}:${err.port}`;
}
