import type { Parameter } from "@/lib/openapi-types";
import { SchemaFieldTable } from "./schema-field-table";
import { constraintsOf, typeLabel, type Components } from "./schema-rows";

/** Path and query parameters, in the same layout as body fields (the name carries where it goes). */
export function ParametersTable({
  parameters,
  components,
  caption,
}: {
  parameters: Parameter[];
  components: Components;
  caption: string;
}) {
  const rows = parameters.map((p) => ({
    name: p.in === "query" ? `?${p.name}` : `{${p.name}}`,
    type: typeLabel(p.schema, components),
    required: p.required,
    description: p.description,
    constraints: constraintsOf(p.schema),
  }));
  return <SchemaFieldTable rows={rows} caption={caption} />;
}
