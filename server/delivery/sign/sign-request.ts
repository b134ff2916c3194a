import { createHmac, createSecretKey, type KeyObject } from "node:crypto";
import type { HttpRequest } from "@/server/delivery/types";

const SECRET_PREFIX = "whsec_";

/**
 * Adds Standard Webhooks headers: `webhook-id`, `webhook-timestamp` (unix seconds) and
 * `webhook-signature`, one `v1,<base64 HMAC-SHA256>` per secret, space-separated, so during a
 * rotation a receiver holding either the old or the new secret can verify.
 *
 * Signed content is `${msgId}.${timestamp}.${payload}` where payload is the exact body, or for a
 * GET (no body) the query string as it goes on the wire, without the leading `?` — i.e.
 * `new URL(req.url).search.slice(1)`, including any query the endpoint URL already had.
 */
export function signRequest(
  req: HttpRequest,
  opts: { msgId: string; timestamp: Date; secrets: string[] },
): HttpRequest {
  const secrets = opts.secrets.length === 1 ? opts.secrets : [...new Set(opts.secrets)];
  if (secrets.length === 0) throw new Error("signRequest needs at least one secret");
  const seconds = Math.floor(opts.timestamp.getTime() / 1000);
  const content = `${opts.msgId}.${seconds}.${signedPayload(req)}`;
  const signatures = secrets.map(
    (secret) => `v1,${createHmac("sha256", secretKey(secret)).update(content, "utf8").digest("base64")}`,
  );

  const headers: Record<string, string> = {};
  for (const name in req.headers) {
    if (!name.toLowerCase().startsWith("webhook-")) headers[name] = req.headers[name]!;
  }
  headers["webhook-id"] = opts.msgId;
  headers["webhook-timestamp"] = String(seconds);
  headers["webhook-signature"] = signatures.join(" ");
  return { ...req, headers };
}

function signedPayload(req: HttpRequest): string {
  if (req.body !== null) return req.body;
  try {
    return new URL(req.url).search.slice(1);
  } catch {
    return req.url.split("#")[0]?.split("?").slice(1).join("?") ?? "";
  }
}

/** Decoded keys by secret: decoding and importing one per request was a tenth of signing's cost. */
const keys = new Map<string, KeyObject>();
const MAX_CACHED_KEYS = 10_000;

function secretKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (key) return key;
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const bytes = Buffer.from(encoded, "base64");
  if (bytes.length === 0) throw new Error("signing secret is empty or not base64");
  key = createSecretKey(bytes);
  if (keys.size >= MAX_CACHED_KEYS) keys.clear();
  keys.set(secret, key);
  return key;
}
