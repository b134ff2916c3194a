import { buildOpenApiDocument } from "./build-openapi-document";
import type { OpenApiDocument } from "@/lib/openapi-types";

let cached: OpenApiDocument | undefined;

/** The built document, once per process (the schemas only change with a deploy). */
export function getOpenApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument();
  return cached;
}
