import type { HttpRequest } from "@/server/delivery/types";

const REDACTED = "••••••";

/** The request as it is stored and shown: custom header values (often credentials) hidden. */
export function redactRequest(req: HttpRequest, customHeaders: { name: string }[]): HttpRequest {
  if (customHeaders.length === 0) return req;
  const secret = new Set(customHeaders.map((h) => h.name.toLowerCase()));
  const headers = Object.fromEntries(
    Object.entries(req.headers).map(([k, v]) => [k, secret.has(k.toLowerCase()) ? REDACTED : v]),
  );
  return { ...req, headers };
}
