import Link from "next/link";
import { Fragment } from "react";
import { cn } from "./cn";

type Crumb = { label: string; href?: string; mono?: boolean };

/** "Webhooks / ep_… / Edit": links up the tree, the last crumb is the current page. */
export function Breadcrumb({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm">
      {items.map((c, i) => (
        <Fragment key={`${c.label}-${i}`}>
          {i > 0 && (
            <span className="text-slate-400" aria-hidden>
              {" / "}
            </span>
          )}
          {c.href && i < items.length - 1 ? (
            <Link href={c.href} className={cn("text-brand-700 hover:underline", c.mono && "font-mono")}>
              {c.label}
            </Link>
          ) : (
            <span className={cn("text-slate-600", c.mono && "font-mono")} aria-current="page">
              {c.label}
            </span>
          )}
        </Fragment>
      ))}
    </nav>
  );
}
