import superjson from "superjson";

/**
 * A client of the app server as a browser would be: it keeps cookies, signs in through
 * next-auth's credentials callback (with the CSRF token), calls tRPC over HTTP and signs out.
 */
export class BrowserSession {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    readonly clientAddress = "203.0.113.10",
  ) {}

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** The session cookie's value (to replay it later from another "browser"). */
  sessionCookie(): string | undefined {
    return this.cookies.get("next-auth.session-token");
  }

  async fetch(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    headers.set("x-forwarded-for", this.clientAddress);
    const res = await fetch(`${this.baseUrl}${path}`, { ...init, headers, redirect: "manual" });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(c) || /max-age=0/i.test(c) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async csrfToken(): Promise<string> {
    const res = await this.fetch("/api/auth/csrf");
    return ((await res.json()) as { csrfToken: string }).csrfToken;
  }

  /** Credentials sign-in; resolves to next-auth's answer: `{ ok, error }` (error as signIn() shows it). */
  async signIn(email: string, password: string, csrf?: string): Promise<{ ok: boolean; error: string | null }> {
    const csrfToken = csrf ?? (await this.csrfToken());
    const res = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
    });
    const { url } = (await res.json()) as { url: string };
    const error = new URL(url).searchParams.get("error");
    return { ok: !error, error };
  }

  async signOut() {
    const csrfToken = await this.csrfToken();
    await this.fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, json: "true" }).toString(),
    });
  }

  async session(): Promise<Record<string, unknown>> {
    return (await (await this.fetch("/api/auth/session")).json()) as Record<string, unknown>;
  }

  /** One tRPC call over HTTP (query: GET, mutation: POST), answered as `{ status, data | error }`. */
  async trpc(kind: "query" | "mutation", path: string, input?: unknown) {
    const payload = input === undefined ? undefined : JSON.stringify(superjson.serialize(input));
    // A mutation without input still sends a (serialised undefined) body, as the tRPC client does.
    const res =
      kind === "query"
        ? await this.fetch(`/api/trpc/${path}${payload ? `?input=${encodeURIComponent(payload)}` : ""}`)
        : await this.fetch(`/api/trpc/${path}`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: payload ?? JSON.stringify(superjson.serialize(undefined)),
          });
    const text = await res.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- inspected loosely by tests
    const body: any = JSON.parse(text);
    return {
      status: res.status,
      text,
      data: body.result ? superjson.deserialize(body.result.data) : undefined,
      error: body.error
        ? (superjson.deserialize(body.error) as {
            message: string;
            data: {
              code: string;
              httpStatus: number;
              errorId?: string;
              issues?: { path: string[]; message: string }[];
            };
          })
        : undefined,
    };
  }
}
