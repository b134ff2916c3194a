import NextAuth from "next-auth";
import type { Db } from "@/db";
import { getDb } from "@/server/db";
import { buildAuthOptions } from "./auth-options";
import { requestCookies } from "./request-cookies";

/** Collects what next-auth's request handler writes, then becomes a web Response. */
class CollectedResponse {
  statusCode = 200;
  headers = new Headers();
  body: string | null = null;

  status(code: number) {
    this.statusCode = code;
    return this;
  }
  getHeader(name: string) {
    return name.toLowerCase() === "set-cookie" ? this.headers.getSetCookie() : (this.headers.get(name) ?? undefined);
  }
  setHeader(name: string, value: string | string[]) {
    this.headers.delete(name);
    for (const v of Array.isArray(value) ? value : [value]) this.headers.append(name, v);
    return this;
  }
  send(body: unknown) {
    if (typeof body === "string") this.body = body;
    else {
      this.body = JSON.stringify(body);
      if (!this.headers.has("content-type")) this.headers.set("content-type", "application/json");
    }
    return this;
  }
  json(body: unknown) {
    this.headers.set("content-type", "application/json");
    this.body = JSON.stringify(body);
    return this;
  }
  end() {
    return this;
  }
  toResponse() {
    return new Response(this.body, { status: this.statusCode, headers: this.headers });
  }
}

async function readBody(req: Request): Promise<Record<string, string> | undefined> {
  if (req.method !== "POST") return undefined;
  const type = req.headers.get("content-type") ?? "";
  const text = await req.text();
  if (type.includes("application/json")) {
    try {
      return JSON.parse(text);
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

/**
 * `/api/auth/*` from the request alone — next-auth's App Router handler reads cookies and headers
 * from Next's request scope instead, which ties it to `next start` and keeps it out of tests.
 */
export async function handleAuthRequest(
  req: Request,
  segments: string[],
  resolveDb: () => Promise<Db> = getDb,
): Promise<Response> {
  const url = new URL(req.url);
  const nodeLikeRequest = {
    method: req.method,
    query: { ...Object.fromEntries(url.searchParams), nextauth: segments },
    body: await readBody(req),
    headers: Object.fromEntries(req.headers),
    cookies: requestCookies(req.headers),
  };
  const res = new CollectedResponse();
  // The (req, res, options) form is next-auth's Node API handler; it only uses what is built above.
  await NextAuth(
    nodeLikeRequest as unknown as Parameters<typeof NextAuth>[0],
    res as unknown as Parameters<typeof NextAuth>[1],
    buildAuthOptions(resolveDb),
  );
  return res.toResponse();
}
