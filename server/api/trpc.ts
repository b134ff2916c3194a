import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Session } from "next-auth";
import { getAppServices, type AppServices } from "@/server/app-services";
import type { Actor } from "@/server/auth/actor";
import { findSessionActor } from "@/server/auth/find-session-actor";
import { DomainError } from "@/server/errors";
import { internalErrorMessage, logUnexpectedError } from "@/server/lib/error-id";
import { findUnsafeInput } from "@/server/lib/find-unsafe-input";
import { getMailer } from "@/server/mail/get-mailer";
import { takeWriteToken, type WriteAction } from "@/server/rate-limits/write-limits";
import { toTRPCError } from "./map-error";

/** The most calls one batched request may carry (the client's httpBatchLink uses the same). */
export const MAX_BATCH_SIZE = 10;

/**
 * The app's services (or a test's, injected the same way as for REST), the session, and the
 * client's address (for limits on public forms).
 */
type TRPCContext = AppServices & { session: Session | null; client?: string };

export async function createTRPCContext(opts: {
  session: Session | null;
  services?: AppServices;
  client?: string;
}): Promise<TRPCContext> {
  const services = opts.services ?? (await getAppServices());
  return { ...services, session: opts.session, client: opts.client };
}

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  // Only domain errors, validation and our own refusals carry a message to the client; anything
  // else is logged with an id and answered with a generic message and that id. No stack, ever.
  errorFormatter({ shape, error, path }) {
    if (error.code === "INTERNAL_SERVER_ERROR") {
      const errorId = logUnexpectedError(`tRPC ${path ?? "?"}`, error.cause ?? error);
      return {
        ...shape,
        message: internalErrorMessage(errorId),
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          errorId,
          issues: null,
        },
      };
    }
    const zodIssues =
      error.cause instanceof ZodError
        ? error.cause.issues.map((i) => ({ path: i.path.map(String), message: i.message }))
        : null;
    const domainIssues = error.cause instanceof DomainError ? (error.cause.issues ?? null) : null;
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, data: { ...data, issues: zodIssues ?? domainIssues } };
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

/** NUL characters, lone surrogates and deep nesting are refused before any schema or query sees them. */
const refuseUnsafeInput = t.middleware(async ({ getRawInput, next }) => {
  const unsafe = findUnsafeInput(await getRawInput());
  if (unsafe) {
    const cause = new DomainError("INVALID", "The input is not valid", [unsafe]);
    throw new TRPCError({ code: "BAD_REQUEST", message: cause.message, cause });
  }
  return next();
});

/** Callers built without a mailer or a client address (tests, server components) get the defaults. */
const withDefaults = t.middleware(({ ctx, next }) =>
  next({ ctx: { ...ctx, mailer: ctx.mailer ?? getMailer(), client: ctx.client ?? "unknown" } }),
);

export const publicProcedure = t.procedure.use(mapErrors).use(refuseUnsafeInput).use(withDefaults);

/** Signed in, with a session the database still honours (not signed out, not suspended). */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const user = ctx.session?.user;
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
  const actor: Actor | null = await findSessionActor(ctx.db, { userId: user.id, sessionVersion: user.sessionVersion });
  if (!actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has ended. Sign in again." });
  return next({ ctx: { ...ctx, actor } });
});

export const resellerProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== "reseller")
    throw new TRPCError({ code: "FORBIDDEN", message: "Only reseller accounts can do this" });
  return next();
});

/**
 * One token per call from the bucket for `action`: the account's when signed in, else the
 * client address's (public forms). Use on write-heavy procedures.
 */
export const writeLimit = (action: WriteAction) =>
  t.middleware(async ({ ctx, next }) => {
    const actor = (ctx as { actor?: Actor }).actor;
    await takeWriteToken(ctx.db, action, actor ? actor.accountId : `client:${ctx.client}`);
    return next();
  });
