import type { z } from "zod";
import { authenticateApiKey } from "@/server/api-keys/authenticate-api-key";
import { getAppServices, type AppServices } from "@/server/app-services";
import type { ApiKeyActor } from "@/server/auth/actor";
import { findUnsafeInput } from "@/server/lib/find-unsafe-input";
import { takeWriteToken, type WriteAction } from "@/server/rate-limits/write-limits";
import { DEFAULT_MAX_BODY_BYTES, readJsonBody } from "./read-json-body";
import { errorResponse, RestError } from "./respond";

/** The second argument Next.js passes a route handler (`params` is a Promise since Next 15). */
type RouteContext<P> = { params: Promise<P> };

type RestHandlerArgs<P, B> = AppServices & { req: Request; actor: ApiKeyActor; params: P; body: B };

export type RouteHandler<P> = (req: Request, ctx?: RouteContext<P>) => Promise<Response>;

/** A route handler on the app's services, and `.with(services)` for the same route on others (tests). */
export type RestRoute<P> = RouteHandler<P> & { with: (services: AppServices) => RouteHandler<P> };

type Options<S extends z.ZodType | undefined> = {
  /** Parse the request body as JSON with this schema (omit for routes without a body). */
  body?: S;
  /** Largest accepted body, in bytes (default 1 MB). */
  maxBodyBytes?: number;
  /** A write-heavy route: one token per call from the account's bucket for this action (429 when empty). */
  writeLimit?: WriteAction;
};

type BodyOf<S> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * Wraps a REST v1 route handler: Bearer API key → actor (401 otherwise), then the JSON body
 * (415 / 413 / 400 / 422), then the handler. Every error, thrown anywhere, goes through
 * errorResponse — the one DomainError → HTTP mapper — so bad input never becomes a 500.
 */
export function withApiKey<P = Record<string, never>, S extends z.ZodType | undefined = undefined>(
  handler: (args: RestHandlerArgs<P, BodyOf<S>>) => Promise<Response>,
  options: Options<S> = {},
): RestRoute<P> {
  const bind =
    (resolve: () => Promise<AppServices>): RouteHandler<P> =>
    async (req, ctx) => {
      try {
        const services = await resolve();
        const actor = await authenticateApiKey(services.db, req.headers.get("authorization"));
        if (options.writeLimit) await takeWriteToken(services.db, options.writeLimit, actor.accountId);
        const body = (
          options.body
            ? await readJsonBody(req, options.body, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES)
            : undefined
        ) as BodyOf<S>;
        const params = ctx ? await ctx.params : ({} as P);
        const unsafe = findUnsafeInput(params);
        if (unsafe) throw new RestError("validation_failed", "The path is not valid", [unsafe]);
        return await handler({ ...services, req, actor, params, body });
      } catch (err) {
        return errorResponse(err);
      }
    };
  return Object.assign(bind(getAppServices), { with: (services: AppServices) => bind(async () => services) });
}
