"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { cn } from "./cn";

type ToastTone = "success" | "error" | "info";
type ToastItem = { id: number; tone: ToastTone; message: string; description?: string };
type State = { toasts: ToastItem[]; owners: number[] };

let state: State = { toasts: [], owners: [] };
const listeners = new Set<() => void>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();
let nextId = 1;

function set(next: State) {
  state = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

const SERVER_STATE: State = { toasts: [], owners: [] };

function push(tone: ToastTone, message: string, description?: string) {
  const id = nextId++;
  set({ ...state, toasts: [...state.toasts, { id, tone, message, description }].slice(-4) });
  timers.set(
    id,
    setTimeout(() => dismiss(id), tone === "error" ? 8000 : 5000),
  );
  return id;
}

function dismiss(id: number) {
  clearTimeout(timers.get(id));
  timers.delete(id);
  set({ ...state, toasts: state.toasts.filter((t) => t.id !== id) });
}

/** Short confirmations of an action ("Webhook deleted"), shown by <Toaster />. Callable anywhere. */
export const toast = {
  success: (message: string, description?: string) => push("success", message, description),
  error: (message: string, description?: string) => push("error", message, description),
  info: (message: string, description?: string) => push("info", message, description),
  dismiss,
};

const ICONS: Record<ToastTone, string> = { success: "✓", error: "!", info: "i" };

/**
 * The live region toasts appear in. Safe to mount more than once (per page and in a layout):
 * only the first mounted instance renders. Toasts survive client-side navigation.
 */
export function Toaster() {
  const [self] = useState(() => nextId++);
  const current = useSyncExternalStore(
    subscribe,
    () => state,
    () => SERVER_STATE,
  );

  useEffect(() => {
    set({ ...state, owners: [...state.owners, self] });
    return () => set({ ...state, owners: state.owners.filter((o) => o !== self) });
  }, [self]);

  if (current.owners[0] !== self) return null;
  return (
    <div
      aria-live="polite"
      aria-label="Notifications"
      role="region"
      className="pointer-events-none fixed inset-x-0 bottom-0 z-[60] flex flex-col items-center gap-2 p-4 sm:items-end"
    >
      {current.toasts.map((t) => (
        <div
          key={t.id}
          role={t.tone === "error" ? "alert" : "status"}
          className={cn(
            "pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-md border-l-4 bg-white px-4 py-3 text-sm shadow-lg ring-1 ring-slate-200",
            t.tone === "success"
              ? "border-l-emerald-500"
              : t.tone === "error"
                ? "border-l-red-500"
                : "border-l-brand-500",
          )}
        >
          <span
            aria-hidden
            className={cn(
              "mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold text-white",
              t.tone === "success" ? "bg-emerald-500" : t.tone === "error" ? "bg-red-500" : "bg-brand-500",
            )}
          >
            {ICONS[t.tone]}
          </span>
          <div className="min-w-0 flex-1">
            <p className="font-medium text-slate-900">{t.message}</p>
            {t.description && <p className="mt-0.5 break-words text-slate-600">{t.description}</p>}
          </div>
          <button
            type="button"
            onClick={() => dismiss(t.id)}
            className="-m-1 rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
            aria-label="Dismiss notification"
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
