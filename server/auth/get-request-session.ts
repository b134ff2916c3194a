import { getServerSession, type Session } from "next-auth";
import type { Db } from "@/db";
import { getDb } from "@/server/db";
import { buildAuthOptions } from "./auth-options";
import { requestCookies } from "./request-cookies";

const ignoreResponse = { getHeader() {}, setCookie() {}, setHeader() {} };

/**
 * The session of a route handler's request, read from the request itself (not from Next's
 * request scope), so the same handler works behind any HTTP server. Runs the session checks.
 */
export async function getRequestSession(req: Request, resolveDb: () => Promise<Db> = getDb): Promise<Session | null> {
  const nodeLikeRequest = { headers: Object.fromEntries(req.headers), cookies: requestCookies(req.headers) };
  // getServerSession's (req, res, options) form takes any request with headers and cookies.
  const readSession = getServerSession as unknown as (
    req: unknown,
    res: unknown,
    options: unknown,
  ) => Promise<Session | null>;
  return readSession(nodeLikeRequest, ignoreResponse, buildAuthOptions(resolveDb));
}
