import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, securityHeaders } from "@/server/http/content-security-policy";
import { isValidPath } from "@/server/http/is-valid-path";
import { getEnv } from "@/server/env";

/**
 * Runs before every route: refuses paths whose %-escapes are not valid UTF-8 (400, before Next's
 * parameter decoding turns them into 500s), and sets a fresh CSP nonce and the security headers.
 * Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
 */
export function proxy(request: NextRequest) {
  const env = getEnv();
  const production = env.NODE_ENV === "production";
  if (!isValidPath(request.nextUrl.pathname)) {
    return NextResponse.json(
      { error: { code: "invalid_path", message: "The URL path contains an invalid %-escape or a NUL character" } },
      { status: 400, headers: headersOf(securityHeaders({ production })) },
    );
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, {
    dev: !production,
    https: production && (env.NEXTAUTH_URL ?? "").startsWith("https://"),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const { key, value } of securityHeaders({ production })) response.headers.set(key, value);
  return response;
}

const headersOf = (list: { key: string; value: string }[]) => Object.fromEntries(list.map((h) => [h.key, h.value]));

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
