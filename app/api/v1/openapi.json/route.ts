import { errorResponse, json } from "@/server/rest/respond";
import { getOpenApiDocument } from "@/server/rest/openapi/get-openapi-document";

/** GET /api/v1/openapi.json — the OpenAPI 3.1 document of REST v1. Public: no API key. */
export function GET(): Response {
  try {
    return json(getOpenApiDocument(), 200, { "cache-control": "public, max-age=300" });
  } catch (err) {
    return errorResponse(err);
  }
}
