import NextAuth from "next-auth";
import { buildAuthOptions } from "@/server/auth/auth-options";
import { configureAuthUrl } from "@/server/auth/public-url";

configureAuthUrl();

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Built per request (cheap) so configuration is read at run time, never at build time.
const handler = (req: Request, ctx: RouteContext) => NextAuth(buildAuthOptions())(req, ctx);

export { handler as GET, handler as POST };
