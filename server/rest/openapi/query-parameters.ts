import type { z } from "zod";
import type { Parameter } from "@/lib/openapi-types";
import { toJsonSchema } from "./to-json-schema";

/**
 * Query parameters from a zod object's shape: one per key, in order, with the input-side JSON
 * Schema (coercions show as their target type). A key is required when it refuses `undefined`
 * (no `.optional()`, no `.default()`). A new key on the schema becomes a new documented parameter.
 */
export function queryParameters(schema: z.ZodObject, descriptions: Record<string, string> = {}): Parameter[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const fieldSchema = field as z.ZodType;
    const json = toJsonSchema(fieldSchema, "input");
    const description =
      descriptions[name] ??
      fieldSchema.description ??
      (typeof json.description === "string" ? json.description : undefined);
    return {
      name,
      in: "query",
      required: !fieldSchema.safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema: json,
    };
  });
}
