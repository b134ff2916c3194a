/** Calls an imported route handler with a real Request, the way Next.js does. */
export type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

export type CallOptions = {
  key?: string | null;
  authorization?: string;
  /** Serialised as JSON with `content-type: application/json`. */
  json?: unknown;
  /** Sent as is (with `contentType`, if given). */
  raw?: string;
  contentType?: string;
  path?: string;
};

export async function call<P>(handler: Handler<P>, method: string, params: P, opts: CallOptions = {}) {
  const headers = new Headers();
  if (opts.authorization !== undefined) headers.set("authorization", opts.authorization);
  else if (opts.key) headers.set("authorization", `Bearer ${opts.key}`);
  let body: string | undefined;
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
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test responses are inspected loosely
  const data: any = text ? JSON.parse(text) : null;
  return { status: res.status, headers: res.headers, data, text };
}
