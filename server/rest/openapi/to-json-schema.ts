import { z } from "zod";
import type { JsonSchema } from "@/lib/openapi-types";

/** Where registered schemas live in the document; `$ref`s between them point here. */
export const componentRef = (id: string) => `#/components/schemas/${id}`;

type Io = "input" | "output";

const OPTIONS = {
  target: "draft-2020-12",
  // Refinements and transforms have no JSON Schema form: document what can be checked, accept the rest.
  unrepresentable: "any",
  // A z.date() can only reach JSON as an ISO 8601 string.
  override: ({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodTypes; jsonSchema: JsonSchema }) => {
    if (zodSchema._zod.def.type === "date") {
      jsonSchema.type = "string";
      jsonSchema.format = "date-time";
    }
  },
} as const;

function strip({ $schema: _schema, $id: _id, ...rest }: JsonSchema): JsonSchema {
  return rest;
}

/**
 * One zod schema as JSON Schema. `io: "input"` for what clients send (defaults make a field
 * optional, a transform's input side is shown), `"output"` for what the API answers.
 */
export function toJsonSchema(schema: z.ZodType, io: Io): JsonSchema {
  return strip(z.toJSONSchema(schema, { ...OPTIONS, io }) as JsonSchema);
}

/** Every schema of `registry` as a component, named by its `id`, referring to each other by `$ref`. */
export function toJsonSchemaComponents(
  registry: z.core.$ZodRegistry<{ id: string }>,
  io: Io,
): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(registry, { ...OPTIONS, io, uri: componentRef });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, strip(schema as JsonSchema)]));
}
