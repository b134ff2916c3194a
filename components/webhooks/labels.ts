import { formatUtc } from "@/lib/time";
import type { BadgeTone } from "@/components/ui/badge";

export const PRODUCT_LABELS: Record<string, string> = { sms: "SMS", whatsapp: "WhatsApp", platform: "Platform" };

export const REPORT_TYPE_LABELS: Record<string, string> = { dlr: "DLR", mo: "MO", signup: "Signup", alerts: "Alerts" };

export const METHOD_LABELS: Record<string, string> = {
  POST: "POST (form)",
  GET: "GET (query)",
  JSON: "JSON",
  XML: "XML",
};

/**
 * The send method as the endpoint's own form names it: the platform's webhooks (signup, alerts)
 * offer POST or GET only (stored as JSON = a POST with a JSON body); the others POST/GET/JSON/XML.
 */
export function methodLabel(ep: { product: string; method: string }): string {
  if (ep.product === "platform") return ep.method === "GET" ? "GET" : "POST";
  return METHOD_LABELS[ep.method] ?? ep.method;
}

export const PAYLOAD_FORMAT_LABELS: Record<string, string> = {
  mapped: "Flat, your parameter names",
  envelope: "JSON envelope {id, type, timestamp, data}",
};

export const EVENT_TYPE_LABELS: Record<string, string> = {
  "sms.dlr": "SMS delivery report",
  "sms.mo": "SMS inbound reply",
  "whatsapp.dlr": "WhatsApp delivery report",
  "whatsapp.mo": "WhatsApp inbound message",
  "link.click": "Link click",
  "user.signup": "Customer signup",
  "endpoint.failing": "Endpoint failing",
  "endpoint.disabled": "Endpoint disabled",
  "endpoint.recovered": "Endpoint recovered",
};

export const STATUS_STYLES: Record<string, { tone: BadgeTone; label: string }> = {
  active: { tone: "green", label: "Active" },
  paused: { tone: "amber", label: "Paused" },
  disabled: { tone: "red", label: "Disabled" },
};

const REASON_PHRASES: Record<number, string> = {
  100: "Continue",
  101: "Switching Protocols",
  200: "OK",
  201: "Created",
  202: "Accepted",
  203: "Non-Authoritative Information",
  204: "No Content",
  205: "Reset Content",
  206: "Partial Content",
  300: "Multiple Choices",
  301: "Moved Permanently",
  302: "Found",
  303: "See Other",
  304: "Not Modified",
  307: "Temporary Redirect",
  308: "Permanent Redirect",
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  411: "Length Required",
  413: "Content Too Large",
  414: "URI Too Long",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** "404 Not Found" */
export function statusLine(status: number): string {
  const phrase = REASON_PHRASES[status];
  return phrase ? `${status} ${phrase}` : String(status);
}

export const ERROR_CLASS_LABELS: Record<string, string> = {
  timeout: "Timed out",
  dns: "DNS lookup failed",
  refused: "Connection refused",
  tls: "TLS error",
  http_status: "Non-2xx response",
  blocked_address: "Blocked address",
  invalid_response: "Invalid response",
  network: "Network error",
};

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${Number((ms / 1000).toFixed(2))} s`;
}

/** "2026-11-22 10:15:09 UTC": the app's one date format (lib/time.ts). */
export const formatDateTime = (value: Date | string | null | undefined): string => formatUtc(value);

/** A count with thousands separators ("1,000"), the same on server and browser. */
export const formatCount = (value: number) => String(Math.trunc(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
