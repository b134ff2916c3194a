import { deliveryIdSchema } from "@/server/delivery/schemas";
import { errorResponseRef } from "./error-responses";
import { buildOpenApiComponents } from "./build-openapi-components";
import type { OpenApiDocument, Operation, Parameter, ResponseOrRef } from "@/lib/openapi-types";
import { OPERATIONS, type OperationSpec } from "./operations";
import { queryParameters } from "./query-parameters";
import { componentRef, toJsonSchema } from "./to-json-schema";

const TAGS: OpenApiDocument["tags"] = [
  { name: "Endpoints", description: "Webhook endpoints: where Hookline sends your events, and how." },
  {
    name: "Events",
    description: "Send events (delivery reports, inbound messages, link clicks) to be delivered to your endpoints.",
  },
  { name: "Deliveries", description: "One delivery per event and subscribed endpoint, with every attempt." },
  { name: "Meta", description: "About the API itself." },
];

function pathParameters(spec: OperationSpec): Parameter[] {
  return [...spec.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name: name!,
    in: "path",
    required: true,
    description: spec.path.startsWith("/api/v1/deliveries") ? "The delivery's id (dlv_…)" : "The endpoint's id (ep_…)",
    schema: spec.path.startsWith("/api/v1/deliveries")
      ? toJsonSchema(deliveryIdSchema.shape.id, "input")
      : { type: "string", minLength: 1 },
  }));
}

function toOperation(spec: OperationSpec): Operation {
  const parameters = [
    ...pathParameters(spec),
    ...(spec.query ? queryParameters(spec.query, spec.queryDescriptions) : []),
  ];
  const successes = [spec.success, ...(spec.extra ? [spec.extra] : [])].map((s): [string, ResponseOrRef] => [
    String(s.status),
    {
      description: s.description,
      ...(s.schema ? { content: { "application/json": { schema: { $ref: componentRef(s.schema) } } } } : {}),
      ...("location" in s && s.location
        ? { headers: { Location: { description: "The new resource's path", schema: { type: "string" } } } }
        : {}),
    },
  ]);
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: [spec.tag],
    ...(parameters.length ? { parameters } : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: !spec.bodyOptional,
            content: {
              "application/json": {
                schema: { $ref: componentRef(spec.body) },
                ...(spec.bodyExample !== undefined ? { example: spec.bodyExample } : {}),
              },
            },
          },
        }
      : {}),
    responses: {
      ...Object.fromEntries(successes),
      ...Object.fromEntries(spec.errors.map((status) => [String(status), errorResponseRef(status)])),
    },
    ...(spec.public ? { security: [] } : {}),
  };
}

/**
 * The OpenAPI 3.1 document of REST v1: request and response schemas generated from zod with
 * z.toJSONSchema, one operation per route handler (see operations.ts). Pure; callers cache it.
 */
export function buildOpenApiDocument(): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const spec of OPERATIONS) {
    paths[spec.path] = { ...paths[spec.path], [spec.method]: toOperation(spec) };
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    info: {
      title: "Hookline REST API",
      version: "1.0.0",
      description:
        'Manage webhook endpoints, send events and inspect deliveries. Authenticate with an API key: `Authorization: Bearer hk_live_…`. Errors are JSON `{ "error": { "code", "message", "issues"? } }`.',
    },
    servers: [{ url: "/", description: "This Hookline server" }],
    tags: TAGS,
    security: [{ apiKey: [] }],
    paths,
    components: buildOpenApiComponents(),
  };
}
