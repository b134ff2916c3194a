/** Contracts between render → sign → send → policy. Kept free of database types. */

export type SendMethod = "POST" | "GET" | "JSON" | "XML";
export type PayloadFormat = "mapped" | "envelope";

/** What the sender needs to know about an endpoint (secrets and header values decrypted). */
export type EndpointConfig = {
  id: string;
  url: string;
  method: SendMethod;
  payloadFormat: PayloadFormat;
  /** canonical field name → the customer's parameter name */
  paramMap: Record<string, string>;
  customParams: { key: string; value: string }[];
  customHeaders: { name: string; value: string }[];
  timeoutMs: number;
  /** The account masks PII: the request is stored with mobile numbers and message text masked. */
  maskPii?: boolean;
};

export type WebhookEvent = {
  id: string;
  type: string;
  data: Record<string, unknown>;
  createdAt: Date;
};

export type HttpRequest = {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body: string | null;
};

export type ErrorClass =
  "timeout" | "dns" | "refused" | "tls" | "http_status" | "blocked_address" | "invalid_response" | "network";

export type SendOutcome = {
  ok: boolean;
  status: number | null;
  headers: Record<string, string>;
  body: string;
  bodyTruncated: boolean;
  durationMs: number;
  errorClass: ErrorClass | null;
  errorMessage: string | null;
  /** Parsed from a Retry-After response header, when present. */
  retryAfterMs: number | null;
};

/** A request as stored in the attempt log (custom header values redacted). */
export type RecordedRequest = { method: string; url: string; headers: Record<string, string>; body: string | null };
