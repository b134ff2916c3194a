"use client";

import { useCallback, useEffect, useId, useState } from "react";
import { cn } from "./cn";

/**
 * A search input that reports its value once typing pauses (or on Enter), so each keystroke does
 * not become a request and a URL change. Shows the value from outside when it changes there.
 */
export function SearchBox({
  label,
  value,
  onSearch,
  placeholder,
  hint,
  className,
}: {
  label: string;
  value: string;
  onSearch: (value: string) => void;
  placeholder?: string;
  hint?: string;
  className?: string;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  const [sent, setSent] = useState(value);
  if (seen !== value) {
    // Changed from outside (Clear filters, back button): show it. The echo of what was sent is
    // not, or typing that went on meanwhile would be lost.
    setSeen(value);
    if (value !== sent) setText(value);
  }
  const search = useCallback(
    (q: string) => {
      setSent(q);
      onSearch(q);
    },
    [onSearch],
  );
  useEffect(() => {
    if (text.trim() === value) return;
    const t = setTimeout(() => search(text.trim()), 400);
    return () => clearTimeout(t);
  }, [text, value, search]);

  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={text}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            search(text.trim());
          }
        }}
        className="block w-full rounded-md border-0 bg-white px-3 py-2 font-mono text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:font-sans placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-500"
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
    </div>
  );
}
