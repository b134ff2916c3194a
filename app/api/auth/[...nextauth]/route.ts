import { handleAuthRequest } from "@/server/auth/handle-auth-request";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options are built per request (cheap), so configuration is read at run time, never at build time.
const handler = async (req: Request, ctx: RouteContext) => handleAuthRequest(req, (await ctx.params).nextauth);

export { handler as GET, handler as POST };
