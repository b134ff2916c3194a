import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { AppServices } from "@/server/app-services";
import { handleTRPCRequest } from "@/server/api/handle-trpc-request";
import { handleAuthRequest } from "@/server/auth/handle-auth-request";

async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const body = chunks.length && req.method !== "GET" && req.method !== "HEAD" ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(req.url ?? "/", base), { method: req.method, headers, body });
}

/**
 * The app's session-based routes — `/api/auth/*` (next-auth) and `/api/trpc/*` — served over
 * real HTTP on 127.0.0.1 with the given services, exactly as the route files call them.
 */
export async function startAppServer(services: AppServices): Promise<{ url: string; close: () => Promise<void> }> {
  let base = "";
  const server: Server = createServer(async (req, res) => {
    try {
      const request = await toRequest(req, base);
      const path = new URL(request.url).pathname;
      const db = async () => services.db;
      let response: Response;
      if (path.startsWith("/api/auth/")) {
        response = await handleAuthRequest(request, path.slice("/api/auth/".length).split("/"), db);
      } else if (path.startsWith("/api/trpc/")) {
        response = await handleTRPCRequest(request, services);
      } else {
        response = new Response("not found", { status: 404 });
      }
      res.statusCode = response.status;
      response.headers.forEach((value, name) => {
        if (name !== "set-cookie") res.setHeader(name, value);
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length) res.setHeader("set-cookie", cookies);
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (err) {
      res.statusCode = 599; // never produced by the app: a test harness failure
      res.end(String(err));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
