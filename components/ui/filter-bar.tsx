import type { ReactNode } from "react";
import { Button } from "./button";

/** A row of filter fields (four columns on wide screens) with "Clear filters" at the end. */
export function FilterBar({
  label,
  children,
  canClear,
  onClear,
}: {
  label: string;
  children: ReactNode;
  canClear: boolean;
  onClear: () => void;
}) {
  return (
    <form
      role="search"
      aria-label={label}
      className="mb-4 grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_1fr_auto] lg:items-start"
      onSubmit={(e) => e.preventDefault()}
    >
      {children}
      <div className="flex lg:pt-6">
        <Button variant="ghost" disabled={!canClear} onClick={onClear}>
          Clear filters
        </Button>
      </div>
    </form>
  );
}
