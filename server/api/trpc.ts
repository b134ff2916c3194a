import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Session } from "next-auth";
import { getAppServices, type AppServices } from "@/server/app-services";
import type { Actor } from "@/server/auth/actor";
import { DomainError } from "@/server/errors";
import { toTRPCError } from "./map-error";

/** The app's services (or a test's, injected the same way as for REST) and the session. */
export async function createTRPCContext(opts: { session: Session | null; services?: AppServices }) {
  const services = opts.services ?? (await getAppServices());
  return { ...services, session: opts.session };
}

type TRPCContext = Awaited<ReturnType<typeof createTRPCContext>>;

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zodIssues =
      error.cause instanceof ZodError
        ? error.cause.issues.map((i) => ({ path: i.path.map(String), message: i.message }))
        : null;
    const domainIssues = error.cause instanceof DomainError ? (error.cause.issues ?? null) : null;
    return { ...shape, data: { ...shape.data, issues: zodIssues ?? domainIssues } };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

/** Every procedure maps DomainErrors in one place, so routers stay: validate, call a verb. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause);
    if (mapped instanceof TRPCError) throw mapped;
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  const user = ctx.session?.user;
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
  const actor: Actor = { userId: user.id, accountId: user.accountId, role: user.role };
  return next({ ctx: { ...ctx, actor } });
});

export const resellerProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== "reseller")
    throw new TRPCError({ code: "FORBIDDEN", message: "Only reseller accounts can do this" });
  return next();
});
