import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "./cn";

/**
 * A bordered table with a (visually hidden) caption. On phones each row is a card whose cells are
 * labelled by `Td label` (globals.css, `data-cards`); on wider screens a table too wide for its
 * column scrolls sideways inside its frame (`contain: inline-size` keeps it from widening the page).
 */
export function Table({ children, caption, className }: { children: ReactNode; caption?: string; className?: string }) {
  return (
    <div
      className={cn(
        "relative overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200 [contain:inline-size]",
        className,
      )}
    >
      <table data-cards="" className="min-w-full divide-y divide-slate-200 text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return (
    <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
      <tr>{children}</tr>
    </thead>
  );
}

/** A column header; alignment comes from the <thead> (left) unless `className` sets text-right. */
export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cn("px-3 py-3 align-bottom first:pl-4 last:pr-4", className)} {...props} />;
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-slate-100">{children}</tbody>;
}

export function Tr({ children, className }: { children: ReactNode; className?: string }) {
  return <tr className={cn("hover:bg-slate-50", className)}>{children}</tr>;
}

/** A cell; `label` names its column on the phone card layout. */
export function Td({ className, label, ...props }: TdHTMLAttributes<HTMLTableCellElement> & { label?: string }) {
  return (
    <td
      data-label={label}
      className={cn("px-3 py-3 align-top text-slate-700 first:pl-4 last:pr-4", className)}
      {...props}
    />
  );
}
