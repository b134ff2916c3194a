import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ResponseObject, ResponseOrRef } from "@/lib/openapi-types";
import { InlineCode } from "./inline-code";
import { refName, type Components } from "./schema-rows";
import { SchemaView } from "./schema-view";

function toneFor(status: string): BadgeTone {
  if (status.startsWith("2")) return "success";
  if (status.startsWith("4")) return "warning";
  return "danger";
}

function resolveResponse(response: ResponseOrRef, components: Components): ResponseObject {
  if (!("$ref" in response)) return response;
  return components.responses[response.$ref.split("/").pop() ?? ""] ?? { description: response.$ref };
}

/** Each status with its description; success bodies expand to their schema, errors name the error body. */
export function ResponsesList({
  responses,
  components,
  operationLabel,
}: {
  responses: Record<string, ResponseOrRef>;
  components: Components;
  operationLabel: string;
}) {
  return (
    <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
      {Object.entries(responses).map(([status, raw]) => {
        const response = resolveResponse(raw, components);
        const schema = response.content?.["application/json"].schema;
        const name = schema ? refName(schema) : undefined;
        return (
          <li key={status} className="px-3 py-2 text-sm">
            <div className="flex flex-wrap items-baseline gap-2">
              <Badge tone={toneFor(status)}>{status}</Badge>
              <span className="text-slate-700">
                <InlineCode text={response.description} />
              </span>
              {name && <code className="font-mono text-xs text-slate-500">{name}</code>}
            </div>
            {schema && status.startsWith("2") && (
              <details className="mt-2">
                <summary className="cursor-pointer select-none text-xs font-medium text-brand-700 hover:underline">
                  Response fields
                </summary>
                <div className="mt-2">
                  <SchemaView schema={schema} components={components} label={`${operationLabel} ${status} response`} />
                </div>
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
