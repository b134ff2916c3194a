import type { JsonSchema, OpenApiDocument } from "@/lib/openapi-types";

/** Reading the generated JSON Schemas for display: $refs, type labels, constraints, field rows. */

export type Components = OpenApiDocument["components"];

export type SchemaRow = { name: string; type: string; required: boolean; description?: string; constraints: string[] };

const REF_PREFIX = "#/components/schemas/";

export function refName(schema: JsonSchema): string | undefined {
  return typeof schema.$ref === "string" && schema.$ref.startsWith(REF_PREFIX)
    ? schema.$ref.slice(REF_PREFIX.length)
    : undefined;
}

/** Follows `$ref`s to components.schemas; an unknown reference resolves to `{}` (any). */
export function resolveSchema(schema: JsonSchema, components: Components, depth = 0): JsonSchema {
  const name = refName(schema);
  if (!name || depth > 10) return schema;
  return resolveSchema(components.schemas[name] ?? {}, components, depth + 1);
}

/** Alternatives of a `oneOf` / `anyOf`, or undefined for a plain schema. */
export function variantsOf(schema: JsonSchema): JsonSchema[] | undefined {
  const list = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  return Array.isArray(list) ? list : undefined;
}

/** "string", "integer | null", "array of Endpoint", "one of A, B"… */
export function typeLabel(schema: JsonSchema, components: Components): string {
  const name = refName(schema);
  if (name) {
    const target = resolveSchema(schema, components);
    return target.type === "object" || variantsOf(target) ? name : typeLabel(target, components);
  }
  const variants = variantsOf(schema);
  if (variants) return [...new Set(variants.map((v) => typeLabel(v, components)))].join(" | ");
  if (schema.const !== undefined) return typeof schema.const;
  const types = Array.isArray(schema.type)
    ? (schema.type as string[])
    : typeof schema.type === "string"
      ? [schema.type]
      : [];
  if (types.length === 0) return "any";
  return types
    .map((t) => {
      if (t !== "array") return t;
      const items = (schema.items ?? {}) as JsonSchema;
      return `array of ${typeLabel(items, components)}`;
    })
    .join(" | ");
}

const code = (v: unknown) => `\`${typeof v === "string" ? v : JSON.stringify(v)}\``;

/** Human-readable checks: "one of: a, b", "1–256 characters", "≥ 1000", "default `50`"… */
export function constraintsOf(schema: JsonSchema): string[] {
  const out: string[] = [];
  const s = schema as Record<string, unknown>;
  if (s.const !== undefined) out.push(`exactly ${code(s.const)}`);
  if (Array.isArray(s.enum)) out.push(`one of: ${s.enum.map(code).join(", ")}`);
  if (typeof s.format === "string") out.push(`format: ${s.format}`);
  const range = (min: unknown, max: unknown, unit: string) => {
    if (typeof min === "number" && typeof max === "number") out.push(`${min}–${max} ${unit}`);
    else if (typeof min === "number" && min > 0) out.push(`at least ${min} ${unit}`);
    else if (typeof max === "number") out.push(`at most ${max} ${unit}`);
  };
  range(s.minLength, s.maxLength, "characters");
  range(s.minItems, s.maxItems, "items");
  if (typeof s.minimum === "number") out.push(`≥ ${s.minimum}`);
  if (typeof s.maximum === "number") out.push(`≤ ${s.maximum}`);
  if (typeof s.pattern === "string") out.push(`pattern ${code(s.pattern)}`);
  if (s.default !== undefined) out.push(`default ${code(s.default)}`);
  if (s.additionalProperties === false) out.push("no other fields");
  return out;
}

/**
 * An object schema as one row per field, nested objects and arrays of objects flattened with
 * dotted names (`customHeaders[].name`). Referenced objects that are components of their own
 * (e.g. an event's `data`) are expanded too, down to `maxDepth`.
 */
export function schemaRows(
  schema: JsonSchema,
  components: Components,
  prefix = "",
  depth = 0,
  maxDepth = 3,
): SchemaRow[] {
  const target = resolveSchema(schema, components);
  const properties = (target.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((target.required as string[] | undefined) ?? []);
  return Object.entries(properties).flatMap(([key, raw]) => {
    const name = `${prefix}${key}`;
    const field = resolveSchema(raw, components);
    const row: SchemaRow = {
      name,
      type: typeLabel(raw, components),
      required: required.has(key),
      description:
        typeof field.description === "string"
          ? field.description
          : typeof raw.description === "string"
            ? raw.description
            : undefined,
      constraints: constraintsOf(field),
    };
    if (depth >= maxDepth) return [row];
    if (field.type === "object" && field.properties)
      return [row, ...schemaRows(field, components, `${name}.`, depth + 1, maxDepth)];
    const items =
      field.type === "array" && field.items ? resolveSchema(field.items as JsonSchema, components) : undefined;
    if (items?.type === "object" && items.properties)
      return [row, ...schemaRows(items, components, `${name}[].`, depth + 1, maxDepth)];
    return [row];
  });
}
