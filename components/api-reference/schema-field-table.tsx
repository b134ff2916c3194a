import { Badge } from "@/components/ui/badge";
import { InlineCode } from "./inline-code";
import type { SchemaRow } from "./schema-rows";

/** Field name, type, required, description and constraints: one row per (nested) field. */
export function SchemaFieldTable({ rows, caption }: { rows: SchemaRow[]; caption: string }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No fields.</p>;
  return (
    <div className="overflow-x-auto rounded-md ring-1 ring-slate-200 [contain:inline-size]">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2">
              Field
            </th>
            <th scope="col" className="px-3 py-2">
              Type
            </th>
            <th scope="col" className="px-3 py-2">
              Description
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.name} className="align-top">
              <td className="whitespace-nowrap px-3 py-2">
                <code className="font-mono text-xs font-semibold text-slate-900">{row.name}</code>
                <div className="mt-1">
                  {row.required ? (
                    <Badge tone="warning">Required</Badge>
                  ) : (
                    <span className="text-xs text-slate-400">optional</span>
                  )}
                </div>
              </td>
              <td className="px-3 py-2 font-mono text-xs text-slate-700">{row.type}</td>
              <td className="px-3 py-2 text-slate-600">
                {row.description && (
                  <p>
                    <InlineCode text={row.description} />
                  </p>
                )}
                {row.constraints.length > 0 && (
                  <ul className="mt-0.5 space-y-0.5 text-xs text-slate-500">
                    {row.constraints.map((c) => (
                      <li key={c} className="[overflow-wrap:anywhere]">
                        <InlineCode text={c} />
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
