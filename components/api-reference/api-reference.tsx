import { HTTP_METHODS, type OpenApiDocument, type Operation } from "@/lib/openapi-types";
import { MethodBadge } from "./method-badge";
import { OperationCard } from "./operation-card";

type Entry = { method: string; path: string; operation: Operation };

/** Operations grouped by tag, in the document's tag order, with a table of contents. */
function groupOperations(doc: OpenApiDocument): { tag: string; description?: string; entries: Entry[] }[] {
  const entries: Entry[] = Object.entries(doc.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((m) => item[m]).map((method) => ({ method, path, operation: item[method]! })),
  );
  const tags = [...doc.tags.map((t) => t.name), ...entries.map((e) => e.operation.tags[0] ?? "Other")];
  return [...new Set(tags)]
    .map((tag) => ({
      tag,
      description: doc.tags.find((t) => t.name === tag)?.description,
      entries: entries.filter((e) => (e.operation.tags[0] ?? "Other") === tag),
    }))
    .filter((g) => g.entries.length > 0);
}

export function ApiReference({ doc, baseUrl }: { doc: OpenApiDocument; baseUrl: string }) {
  const groups = groupOperations(doc);
  return (
    <div className="grid gap-8 lg:grid-cols-[14rem_1fr]">
      <nav aria-label="Operations" className="lg:sticky lg:top-6 lg:self-start">
        {groups.map((g) => (
          <div key={g.tag} className="mb-4">
            <a
              href={`#tag-${g.tag}`}
              className="text-xs font-semibold uppercase tracking-wide text-slate-500 hover:text-slate-800"
            >
              {g.tag}
            </a>
            <ul className="mt-1 space-y-1">
              {g.entries.map((e) => (
                <li key={e.operation.operationId}>
                  <a
                    href={`#${e.operation.operationId}`}
                    className="flex items-center gap-2 rounded px-1 py-0.5 text-sm text-slate-700 hover:bg-slate-100"
                  >
                    <MethodBadge method={e.method} />
                    <span className="truncate">{e.operation.summary}</span>
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <div className="min-w-0 space-y-10">
        {groups.map((g) => (
          <section
            key={g.tag}
            id={`tag-${g.tag}`}
            aria-labelledby={`tag-${g.tag}-title`}
            className="scroll-mt-6 space-y-4"
          >
            <div>
              <h2 id={`tag-${g.tag}-title`} className="text-lg font-semibold text-slate-900">
                {g.tag}
              </h2>
              {g.description && <p className="mt-1 text-sm text-slate-600">{g.description}</p>}
            </div>
            {g.entries.map((e) => (
              <OperationCard
                key={e.operation.operationId}
                method={e.method}
                path={e.path}
                operation={e.operation}
                components={doc.components}
                baseUrl={baseUrl}
              />
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}
