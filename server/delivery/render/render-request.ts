import type { EndpointConfig, HttpRequest, SendMethod, WebhookEvent } from "@/server/delivery/types";
import { flattenFields, type Scalar } from "./flatten-fields";
import { isReservedHeader } from "./is-reserved-header";
import { renderXml } from "./render-xml";

const USER_AGENT = "Hookline-Webhooks/1.0";

const CONTENT_TYPES: Record<Exclude<SendMethod, "GET">, string> = {
  POST: "application/x-www-form-urlencoded",
  JSON: "application/json",
  XML: "application/xml",
};

/**
 * The exact HTTP request an endpoint receives for an event. Pure and deterministic.
 *
 * `mapped`: flat fields in data order (nested keys joined with `_`: media.id → media_id), each
 * renamed through paramMap (looked up by `media_id`, then `media.id`; unmapped keep the canonical
 * name), then custom params. A custom param named like a mapped field replaces that field's value
 * in place, so the name is sent once: the customer typed it on purpose. Values are strings
 * (booleans "true"/"false") except in JSON, which keeps native types.
 *
 * `envelope` (paramMap not applied):
 * - JSON: `{"id","type","timestamp","data"}`; XML: `<webhook><id/><type/><timestamp/><data>…`.
 *   Custom params, if any, follow as a `params` object / `<params>` element.
 * - POST/GET: flat fields `id`, `type`, `timestamp`, then each data leaf as `data_<path>`
 *   (data.media.id → data_media_id), then custom params (same override rule as mapped).
 *
 * GET appends the fields to the endpoint URL's own query string (kept, fragment dropped).
 * Headers: content-type (not for GET), user-agent, then custom headers with their names as
 * given; a custom header replaces ours case-insensitively; reserved headers are skipped.
 */
export function renderRequest(endpoint: EndpointConfig, event: WebhookEvent): HttpRequest {
  const method = endpoint.method;
  const { url, body } = renderPayload(endpoint, event);

  const headers: Record<string, string> = {};
  if (method !== "GET") headers["content-type"] = CONTENT_TYPES[method];
  headers["user-agent"] = USER_AGENT;
  for (const { name, value } of endpoint.customHeaders) setCustomHeader(headers, name, value);

  return { method: method === "GET" ? "GET" : "POST", url, headers, body };
}

/** The part of the request that carries the event: the body, or for GET the URL with its query. */
export function renderPayload(endpoint: EndpointConfig, event: WebhookEvent): Pick<HttpRequest, "url" | "body"> {
  const method = endpoint.method;
  const timestamp = event.createdAt.toISOString();

  let url = endpoint.url;
  let body: string | null;
  if (method === "GET" || method === "POST") {
    const fields =
      endpoint.payloadFormat === "mapped"
        ? mappedFields(endpoint, event)
        : withCustomParams(endpoint, [
            ["id", event.id],
            ["type", event.type],
            ["timestamp", timestamp],
            ...flattenFields(event.data, ["data"]).map((f): [string, Scalar] => [f.path.join("_"), f.value]),
          ]);
    const query = new URLSearchParams(fields.map(([k, v]) => [k, String(v)])).toString();
    if (method === "GET") {
      url = appendQuery(endpoint.url, query);
      body = null;
    } else {
      body = query;
    }
  } else {
    const entries: [string, unknown][] =
      endpoint.payloadFormat === "mapped" ? mappedFields(endpoint, event) : envelopeEntries(endpoint, event, timestamp);
    body = method === "JSON" ? jsonObject(entries) : renderXml(entries);
  }
  return { url, body };
}

function mappedFields(endpoint: EndpointConfig, event: WebhookEvent): [string, Scalar][] {
  return withCustomParams(
    endpoint,
    flattenFields(event.data).map(({ path, value }): [string, Scalar] => {
      const name = ownString(endpoint.paramMap, path.join("_")) ?? ownString(endpoint.paramMap, path.join("."));
      return [name ?? path.join("_"), value];
    }),
  );
}

function envelopeEntries(endpoint: EndpointConfig, event: WebhookEvent, timestamp: string): [string, unknown][] {
  const entries: [string, unknown][] = [
    ["id", event.id],
    ["type", event.type],
    ["timestamp", timestamp],
    ["data", event.data],
  ];
  const params = withCustomParams(endpoint, []);
  if (params.length > 0) entries.push(["params", Object.fromEntries(params)]);
  return entries;
}

/** Later entries with the same name overwrite the value but keep the first position. */
function withCustomParams(endpoint: EndpointConfig, fields: [string, Scalar][]): [string, Scalar][] {
  if (fields.length === 0 && endpoint.customParams.length === 0) return fields;
  const merged = new Map<string, Scalar>(fields);
  for (const { key, value } of endpoint.customParams) {
    if (key.trim() !== "") merged.set(key, value);
  }
  return [...merged];
}

function ownString(map: Record<string, string>, key: string): string | undefined {
  if (!Object.hasOwn(map, key)) return undefined;
  const value = map[key]?.trim();
  return value ? value : undefined;
}

// Built by hand so integer-like names keep their position (object keys would be reordered).
function jsonObject(entries: [string, unknown][]): string {
  let out = "{";
  for (const [k, v] of entries) out += `${out.length > 1 ? "," : ""}${JSON.stringify(k)}:${jsonValue(v)}`;
  return `${out}}`;
}

/**
 * A replacer takes JSON.stringify off its fast path (it was 4 % of the runner's CPU), and only a
 * bigint needs one (event data parsed from JSON never has any): it is used when plain fails.
 */
function jsonValue(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (err) {
    if (err instanceof TypeError) return JSON.stringify(value, jsonSafe);
    throw err;
  }
}

function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}

function appendQuery(url: string, query: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = "";
    if (query) {
      const existing = parsed.search.slice(1);
      parsed.search = existing ? `${existing}&${query}` : query;
    }
    return parsed.href;
  } catch {
    // An invalid URL is reported by send; render stays total.
    if (!query) return url;
    const base = url.split("#")[0] ?? url;
    const joiner = !base.includes("?") ? "?" : /[?&]$/.test(base) ? "" : "&";
    return `${base}${joiner}${query}`;
  }
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function setCustomHeader(headers: Record<string, string>, rawName: string, value: string): void {
  const name = rawName.trim();
  if (!TOKEN.test(name) || isReservedHeader(name)) return;
  for (const existing of Object.keys(headers)) {
    if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing];
  }
  // CR/LF/NUL would split the header (request smuggling); the schema should refuse them anyway.
  headers[name] = value.replace(/[\r\n\0]/g, " ").trim();
}
