/**
 * Domain errors: thrown by domain verbs, turned into TRPCError or HTTP responses by one mapper
 * each (server/api/map-error.ts, server/rest/respond.ts).
 */
export type DomainErrorCode =
  "NOT_FOUND" | "FORBIDDEN" | "UNAUTHORIZED" | "CONFLICT" | "INVALID" | "TOO_MANY_REQUESTS" | "PAYLOAD_TOO_LARGE";

export type FieldIssue = { path: (string | number)[]; message: string };

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} not found`);
export const forbidden = (message = "You do not have access to this") => new DomainError("FORBIDDEN", message);
export const conflict = (message: string, issues?: FieldIssue[]) => new DomainError("CONFLICT", message, issues);
export const invalid = (message: string, issues?: FieldIssue[]) => new DomainError("INVALID", message, issues);
