"use client";

import { useSyncExternalStore } from "react";
import { formatRelative, formatUtc } from "@/lib/time";

// One clock for every relative time on the page: whole seconds, so it reads the same between
// two calls (a stable snapshot), re-read every 5 s so every relative time moves on together.
const getNow = () => Math.floor(Date.now() / 1000) * 1000;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) timer = setInterval(() => listeners.forEach((l) => l()), 5_000);
  return () => {
    listeners.delete(listener);
    if (!listeners.size && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/**
 * A time in a list: relative ("3 min ago") with the exact UTC time on hover, or exact
 * ("2026-11-29 10:15:09 UTC") with `exact`. The relative text depends on the clock, so server
 * and browser may differ by a few seconds: that one text node is allowed to (suppressHydrationWarning).
 */
export function Time({
  value,
  exact,
  className,
}: {
  value: Date | string | number | null | undefined;
  exact?: boolean;
  className?: string;
}) {
  const clock = useSyncExternalStore(subscribe, getNow, getNow);
  if (value === null || value === undefined) return <span className={className}>—</span>;
  const date = new Date(value);
  const full = formatUtc(date);
  return (
    <time dateTime={date.toISOString()} title={full} className={className} suppressHydrationWarning>
      {exact ? full : formatRelative(date, clock)}
    </time>
  );
}
