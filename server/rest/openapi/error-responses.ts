import type { ResponseObject } from "@/lib/openapi-types";
import { componentRef } from "./to-json-schema";

/** The error statuses REST v1 answers, each with the `{ error: { code, message, issues? } }` body. */
const ERROR_RESPONSES = {
  400: { name: "InvalidJson", description: "The body is empty, not JSON or not UTF-8 (`invalid_json`)." },
  401: {
    name: "Unauthorized",
    description: "No API key, a malformed Authorization header, or a revoked key (`unauthorized`).",
  },
  404: { name: "NotFound", description: "No such resource in your account (`not_found`)." },
  409: { name: "Conflict", description: "The resource is not in a state that allows this (`conflict`)." },
  413: { name: "PayloadTooLarge", description: "The body or one event is over the size limit (`payload_too_large`)." },
  415: {
    name: "UnsupportedMediaType",
    description: "The body is not sent as `application/json` (`unsupported_media_type`).",
  },
  422: {
    name: "ValidationFailed",
    description: "The input is well-formed JSON but not valid; `issues` names each field (`validation_failed`).",
  },
  429: { name: "RateLimited", description: "Too many requests; wait and try again (`rate_limited`)." },
} as const;

export type ErrorStatus = keyof typeof ERROR_RESPONSES;

/** `components.responses`: one reusable response per error status. */
export function errorResponseComponents(): Record<string, ResponseObject> {
  return Object.fromEntries(
    Object.values(ERROR_RESPONSES).map(({ name, description }) => [
      name,
      { description, content: { "application/json": { schema: { $ref: componentRef("Error") } } } },
    ]),
  );
}

export function errorResponseRef(status: ErrorStatus): { $ref: string } {
  return { $ref: `#/components/responses/${ERROR_RESPONSES[status].name}` };
}
