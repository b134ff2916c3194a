import type { JsonSchema } from "@/lib/openapi-types";
import { SchemaFieldTable } from "./schema-field-table";
import { refName, resolveSchema, schemaRows, typeLabel, variantsOf, type Components } from "./schema-rows";

/**
 * A request or response schema, readable: an object as a field table; a oneOf/anyOf as one
 * collapsible section per alternative (e.g. each event type); anything else as its type.
 */
export function SchemaView({
  schema,
  components,
  label,
  depth = 0,
}: {
  schema: JsonSchema;
  components: Components;
  label: string;
  depth?: number;
}) {
  const target = resolveSchema(schema, components);
  const variants = variantsOf(target);
  if (variants && depth < 3) {
    return (
      <div className="space-y-2">
        <p className="text-sm text-slate-600">One of:</p>
        {variants.map((variant, i) => {
          const resolved = resolveSchema(variant, components);
          const name =
            refName(variant) ??
            (resolved.properties
              ? `Object with ${Object.keys(resolved.properties as object).join(", ")}`
              : typeLabel(variant, components));
          const description = typeof resolved.description === "string" ? resolved.description : undefined;
          return (
            <details
              key={i}
              className="group rounded-md ring-1 ring-slate-200"
              open={variants.length <= 2 && depth === 0}
            >
              <summary className="cursor-pointer select-none px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
                {name}
                {description && <span className="ml-2 font-normal text-slate-500">{description}</span>}
              </summary>
              <div className="border-t border-slate-200 p-3">
                <SchemaView schema={variant} components={components} label={`${label}: ${name}`} depth={depth + 1} />
              </div>
            </details>
          );
        })}
      </div>
    );
  }
  if (target.type === "object" || target.properties)
    return <SchemaFieldTable rows={schemaRows(target, components)} caption={label} />;
  return <p className="font-mono text-xs text-slate-700">{typeLabel(schema, components)}</p>;
}
