"use client";

import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "./cn";

type TabItem = { id: string; label: ReactNode; content: ReactNode };

/**
 * WAI-ARIA tabs: arrow keys / Home / End move between tabs, Tab moves into the panel.
 * Uncontrolled by default; pass `selected` + `onSelect` to keep the tab elsewhere (e.g. in the URL).
 */
export function Tabs({
  tabs,
  label,
  defaultTab,
  className,
  actions,
  onSelect,
  selected: controlled,
}: {
  tabs: TabItem[];
  label: string;
  defaultTab?: string;
  className?: string;
  actions?: ReactNode;
  onSelect?: (id: string) => void;
  selected?: string;
}) {
  const base = useId();
  const [own, setOwn] = useState(defaultTab ?? tabs[0]?.id);
  const selected = controlled ?? own;
  const setSelected = (id: string) => {
    setOwn(id);
    onSelect?.(id);
  };
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = tabs.find((t) => t.id === selected) ?? tabs[0];

  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const next =
      e.key === "ArrowRight"
        ? index === last
          ? 0
          : index + 1
        : e.key === "ArrowLeft"
          ? index === 0
            ? last
            : index - 1
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? last
              : null;
    if (next === null) return;
    e.preventDefault();
    setSelected(tabs[next]!.id);
    refs.current[next]?.focus();
  };

  return (
    <div className={className}>
      <div className="flex items-end justify-between gap-2 border-b border-slate-200">
        <div role="tablist" aria-label={label} className="-mb-px flex gap-1 overflow-x-auto">
          {tabs.map((tab, i) => {
            const active = tab.id === current?.id;
            return (
              <button
                key={tab.id}
                ref={(el) => {
                  refs.current[i] = el;
                }}
                type="button"
                role="tab"
                id={`${base}-tab-${tab.id}`}
                aria-selected={active}
                aria-controls={`${base}-panel-${tab.id}`}
                tabIndex={active ? 0 : -1}
                onClick={() => setSelected(tab.id)}
                onKeyDown={(e) => onKeyDown(e, i)}
                className={cn(
                  "whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
                  active
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-700",
                )}
              >
                {tab.label}
              </button>
            );
          })}
        </div>
        {actions && <div className="flex items-center gap-2 pb-1.5">{actions}</div>}
      </div>
      {current && (
        <div
          role="tabpanel"
          id={`${base}-panel-${current.id}`}
          aria-labelledby={`${base}-tab-${current.id}`}
          tabIndex={0}
          className="pt-3 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
        >
          {current.content}
        </div>
      )}
    </div>
  );
}
