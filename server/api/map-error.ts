import { TRPCError } from "@trpc/server";
import { DomainError, type DomainErrorCode } from "@/server/errors";

const CODES: Record<DomainErrorCode, TRPCError["code"]> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHORIZED: "UNAUTHORIZED",
  CONFLICT: "CONFLICT",
  INVALID: "BAD_REQUEST",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
};

/** The one place domain errors become tRPC errors; field issues travel in `cause`. */
export function toTRPCError(err: unknown): unknown {
  if (err instanceof DomainError) {
    return new TRPCError({ code: CODES[err.code], message: err.message, cause: err });
  }
  return err;
}
