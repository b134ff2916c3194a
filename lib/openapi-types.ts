/** The parts of an OpenAPI 3.1 document that Hookline builds and the API reference page reads. */

/** A JSON Schema (draft 2020-12, as z.toJSONSchema emits it). */
export type JsonSchema = { [key: string]: unknown };

export type HttpMethod = "get" | "post" | "patch" | "put" | "delete";

export type Parameter = {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  description?: string;
  schema: JsonSchema;
};

type MediaType = { schema: JsonSchema; example?: unknown };

type RequestBody = { required: boolean; description?: string; content: { "application/json": MediaType } };

export type ResponseObject = {
  description: string;
  content?: { "application/json": MediaType };
  headers?: Record<string, { description: string; schema: JsonSchema }>;
};

/** A response, or a reference to one of `components.responses`. */
export type ResponseOrRef = ResponseObject | { $ref: string };

export type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: Parameter[];
  requestBody?: RequestBody;
  responses: Record<string, ResponseOrRef>;
  /** `[]` for public operations; omitted = the document's default (the API key). */
  security?: Record<string, string[]>[];
};

type PathItem = Partial<Record<HttpMethod, Operation>>;

export type OpenApiDocument = {
  openapi: "3.1.0";
  jsonSchemaDialect: string;
  info: { title: string; version: string; description: string };
  servers: { url: string; description?: string }[];
  tags: { name: string; description: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, PathItem>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, ResponseObject>;
    securitySchemes: Record<string, { type: "http"; scheme: "bearer"; bearerFormat?: string; description?: string }>;
  };
};

export const HTTP_METHODS: readonly HttpMethod[] = ["get", "post", "put", "patch", "delete"];
