import type { AppServices } from "@/server/app-services";
import type { RestRoute, RouteHandler } from "@/server/rest/with-api-key";

export type CallOptions = {
  /** Sent as `authorization: Bearer <key>` (unless `authorization` is given). */
  key?: string | null;
  /** The authorization header exactly as given. */
  authorization?: string;
  /** More request headers (authorization and content-type above win). */
  headers?: Record<string, string>;
  /** Serialised as JSON with `content-type: application/json`. */
  json?: unknown;
  /** Sent as is, with `contentType` when given. */
  raw?: string | Uint8Array<ArrayBuffer>;
  contentType?: string | null;
  /** Path and query (default `/api/v1/endpoints`): list routes read their query from it. */
  path?: string;
};

export type RestResponse = {
  status: number;
  headers: Headers;
  /** The body parsed as JSON; null when empty, undefined when it is not JSON (see `text`). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test responses are inspected loosely
  data: any;
  text: string;
};

/** Calls a route handler (already bound to its services) with a real Request, the way Next.js does. */
async function callHandler<P>(
  handler: RouteHandler<P>,
  method: string,
  params: P,
  opts: CallOptions = {},
): Promise<RestResponse> {
  const headers = new Headers(opts.headers);
  if (opts.authorization !== undefined) headers.set("authorization", opts.authorization);
  else if (opts.key) headers.set("authorization", `Bearer ${opts.key}`);
  let body: BodyInit | undefined;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers.set("content-type", "application/json");
  } else if (opts.raw !== undefined) {
    body = opts.raw;
    if (opts.contentType) headers.set("content-type", opts.contentType);
  }
  const req = new Request(`http://localhost:3000${opts.path ?? "/api/v1/endpoints"}`, { method, headers, body });
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, data: parseJson(text), text };
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The REST caller of the integration tests: route handlers run on the given services, as
 * `route.with(services)` — the test's database and runner, never the app's.
 *
 *   const { call } = restClient(() => h.services); // h = setupIntegration()
 *   const res = await call(collection.POST, "POST", {}, { key, json: body });
 */
export function restClient(services: AppServices | (() => AppServices)) {
  const resolve = typeof services === "function" ? services : () => services;
  return {
    call: <P>(route: RestRoute<P>, method: string, params: P, opts: CallOptions = {}) =>
      callHandler(route.with(resolve()), method, params, opts),
  };
}
