import { ZodError } from "zod";
import { DomainError, type DomainErrorCode, type FieldIssue } from "@/server/errors";
import { internalErrorMessage, logUnexpectedError } from "@/server/lib/error-id";

/** REST error codes (lower_snake) and their HTTP statuses. */
export const ERROR_STATUS = {
  validation_failed: 422,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  invalid_json: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  rate_limited: 429,
  internal_error: 500,
} as const;

export type RestErrorCode = keyof typeof ERROR_STATUS;

const FROM_DOMAIN: Record<DomainErrorCode, RestErrorCode> = {
  INVALID: "validation_failed",
  NOT_FOUND: "not_found",
  CONFLICT: "conflict",
  UNAUTHORIZED: "unauthorized",
  FORBIDDEN: "forbidden",
  TOO_MANY_REQUESTS: "rate_limited",
  PAYLOAD_TOO_LARGE: "payload_too_large",
};

/** An HTTP-level refusal raised before a domain verb runs (bad JSON, wrong content type…). */
export class RestError extends Error {
  constructor(
    readonly code: RestErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = "RestError";
  }
}

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

function errorBody(code: RestErrorCode, message: string, issues?: FieldIssue[]) {
  return { error: { code, message, ...(issues && issues.length > 0 ? { issues } : {}) } };
}

export function zodIssues(err: ZodError): FieldIssue[] {
  return err.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === "number" ? p : String(p))),
    message: i.message,
  }));
}

/**
 * The one place errors become HTTP responses: `{ error: { code, message, issues? } }`. Domain and
 * REST errors keep their message; anything else is logged under an error id and answered with a
 * generic 500 carrying that id.
 */
export function errorResponse(err: unknown): Response {
  if (err instanceof RestError) return json(errorBody(err.code, err.message, err.issues), ERROR_STATUS[err.code]);
  if (err instanceof DomainError) {
    const code = FROM_DOMAIN[err.code];
    const headers: HeadersInit | undefined =
      code === "unauthorized" ? { "www-authenticate": 'Bearer realm="hookline"' } : undefined;
    return json(errorBody(code, err.message, err.issues), ERROR_STATUS[code], headers);
  }
  if (err instanceof ZodError)
    return json(errorBody("validation_failed", "The request is not valid", zodIssues(err)), 422);
  const errorId = logUnexpectedError("REST request", err);
  return json({ error: { code: "internal_error", message: internalErrorMessage(errorId), errorId } }, 500);
}
