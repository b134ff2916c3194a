import type { z } from "zod";
import type { Db } from "@/db";
import { authenticateApiKey } from "@/server/api-keys/authenticate-api-key";
import type { Actor } from "@/server/api/trpc";
import { DEFAULT_MAX_BODY_BYTES, readJsonBody } from "./read-json-body";
import { errorResponse } from "./respond";
import { getRestDb } from "./rest-db";

/** The second argument Next.js passes a route handler (`params` is a Promise since Next 15). */
export type RouteContext<P> = { params: Promise<P> };

export type ApiKeyActor = Actor & { keyId: string };

export type RestHandlerArgs<P, B> = { req: Request; db: Db; actor: ApiKeyActor; params: P; body: B };

type Options<S extends z.ZodType | undefined> = {
  /** Parse the request body as JSON with this schema (omit for routes without a body). */
  body?: S;
  /** Largest accepted body, in bytes (default 1 MB). */
  maxBodyBytes?: number;
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
) {
  return async (req: Request, ctx?: RouteContext<P>): Promise<Response> => {
    try {
      const db = await getRestDb();
      const key = await authenticateApiKey(db, req.headers.get("authorization"));
      const actor: ApiKeyActor = {
        userId: `apikey:${key.keyId}`,
        accountId: key.accountId,
        role: key.role,
        keyId: key.keyId,
      };
      const body = (
        options.body ? await readJsonBody(req, options.body, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES) : undefined
      ) as BodyOf<S>;
      const params = ctx ? await ctx.params : ({} as P);
      return await handler({ req, db, actor, params, body });
    } catch (err) {
      return errorResponse(err);
    }
  };
}
