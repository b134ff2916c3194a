import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** Monospace, scrollable, keyboard-focusable (so it can be scrolled without a mouse). */
export function CodeBlock({
  children,
  label,
  className,
  empty = "(empty)",
}: {
  children: ReactNode;
  label: string;
  className?: string;
  empty?: string;
}) {
  const isEmpty = children === "" || children === null || children === undefined;
  return (
    <pre
      tabIndex={0}
      aria-label={label}
      className={cn(
        "max-h-80 overflow-auto whitespace-pre-wrap [overflow-wrap:anywhere] rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
        className,
      )}
    >
      {isEmpty ? <span className="italic text-slate-400">{empty}</span> : children}
    </pre>
  );
}

/** Pretty-prints JSON and indents XML a little; anything else is returned as is. */
export function prettyBody(body: string | null, contentType?: string): string {
  if (!body) return "";
  const type = contentType?.toLowerCase() ?? "";
  const trimmed = body.trim();
  if (type.includes("json") || trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      return JSON.stringify(JSON.parse(body), null, 2);
    } catch {
      return body;
    }
  }
  if (type.includes("xml") || trimmed.startsWith("<?xml")) return prettyXml(trimmed);
  return body;
}

/** Indents an element-only XML document (text stays on its element's line). */
function prettyXml(xml: string): string {
  const tokens = xml.split(/(<[^>]+>)/).filter((t) => t !== "");
  const lines: string[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const pad = "  ".repeat(depth);
    if (token.startsWith("<?") || token.startsWith("<!") || token.endsWith("/>")) {
      lines.push(pad + token);
    } else if (token.startsWith("</")) {
      depth = Math.max(0, depth - 1);
      lines.push("  ".repeat(depth) + token);
    } else if (token.startsWith("<")) {
      const text = tokens[i + 1];
      const close = tokens[i + 2];
      if (text !== undefined && !text.startsWith("<") && close?.startsWith("</")) {
        lines.push(pad + token + text + close);
        i += 2;
      } else if (text?.startsWith("</")) {
        lines.push(pad + token + text);
        i += 1;
      } else {
        lines.push(pad + token);
        depth++;
      }
    } else if (token.trim()) {
      lines.push(pad + token.trim());
    }
  }
  return lines.join("\n");
}

export function HeaderList({ headers, muted }: { headers: Record<string, string>; muted?: Record<string, string> }) {
  const entries = Object.entries(headers);
  const mutedEntries = Object.entries(muted ?? {});
  if (entries.length === 0 && mutedEntries.length === 0) return <p className="text-sm text-slate-500">No headers.</p>;
  return (
    <dl className="divide-y divide-slate-100 rounded-md font-mono text-xs ring-1 ring-slate-200">
      {entries.map(([name, value]) => (
        <div key={name} className="grid grid-cols-[minmax(8rem,14rem)_1fr] gap-3 px-3 py-1.5">
          <dt className="break-all font-semibold text-slate-700">{name}</dt>
          <dd className="break-all text-slate-900">
            {value || <span className="italic text-slate-400">(empty)</span>}
          </dd>
        </div>
      ))}
      {mutedEntries.map(([name, value]) => (
        <div key={name} className="grid grid-cols-[minmax(8rem,14rem)_1fr] gap-3 bg-slate-50 px-3 py-1.5">
          <dt className="break-all font-semibold text-slate-500">{name}</dt>
          <dd className="break-all italic text-slate-500">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
