import type { ReactNode } from "react";
import { CodeBlock } from "@/components/webhooks/code-block";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import type { Operation } from "@/lib/openapi-types";
import { buildCurlExample } from "./build-curl-example";
import { MethodBadge } from "./method-badge";
import { ParametersTable } from "./parameters-table";
import { ResponsesList } from "./responses-list";
import { InlineCode } from "./inline-code";
import type { Components } from "./schema-rows";
import { SchemaView } from "./schema-view";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-2">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h4>
      {children}
    </section>
  );
}

/** One operation: method and path, description, parameters, body fields, responses and a curl example. */
export function OperationCard({
  method,
  path,
  operation,
  components,
  baseUrl,
}: {
  method: string;
  path: string;
  operation: Operation;
  components: Components;
  baseUrl: string;
}) {
  const label = `${method.toUpperCase()} ${path}`;
  const body = operation.requestBody?.content["application/json"];
  const curl = buildCurlExample(method, path, operation, baseUrl);
  return (
    <article
      id={operation.operationId}
      aria-label={label}
      className="scroll-mt-6 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200"
    >
      <header className="flex flex-wrap items-center gap-3">
        <MethodBadge method={method} />
        <code className="break-all font-mono text-sm font-semibold text-slate-900">{path}</code>
        {operation.security?.length === 0 && <Badge tone="info">No API key</Badge>}
      </header>
      <h3 className="mt-3 text-base font-semibold text-slate-900">{operation.summary}</h3>
      {operation.description && (
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          <InlineCode text={operation.description} />
        </p>
      )}
      <div className="mt-5 space-y-5">
        {operation.parameters && operation.parameters.length > 0 && (
          <Section title="Parameters">
            <ParametersTable
              parameters={operation.parameters}
              components={components}
              caption={`${label} parameters`}
            />
          </Section>
        )}
        {body && (
          <Section title={operation.requestBody?.required ? "Request body (JSON)" : "Request body (JSON, optional)"}>
            <SchemaView schema={body.schema} components={components} label={`${label} request body`} />
          </Section>
        )}
        <Section title="Responses">
          <ResponsesList responses={operation.responses} components={components} operationLabel={label} />
        </Section>
        <Section title="Example">
          <div className="relative">
            <CodeBlock label={`curl example for ${label}`}>{curl}</CodeBlock>
            <CopyButton
              value={curl}
              label="Copy as curl"
              className="absolute right-2 top-2"
              aria-label={`Copy curl example for ${label}`}
            />
          </div>
        </Section>
      </div>
    </article>
  );
}
