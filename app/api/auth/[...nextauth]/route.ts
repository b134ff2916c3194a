import { handleAuthRequest } from "@/server/auth/handle-auth-request";
import { configureAuthUrl } from "@/server/auth/public-url";

// Without NEXTAUTH_URL/AUTH_URL, next-auth builds its URLs from the request's host (README "Environment").
configureAuthUrl();

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options are built per request (cheap), so configuration is read at run time, never at build time.
const handler = async (req: Request, ctx: RouteContext) => handleAuthRequest(req, (await ctx.params).nextauth);

export { handler as GET, handler as POST };
