"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/react";
import { cn } from "@/components/ui/cn";
import { Time } from "@/components/ui/time";

const KIND_DOT: Record<string, string> = {
  "endpoint.failing": "bg-amber-500",
  "endpoint.disabled": "bg-red-500",
  "endpoint.recovered": "bg-emerald-500",
};

/**
 * The bell: unread alerts (an endpoint failing, disabled, recovered) as a count; opening it lists
 * the latest with links to the endpoints and marks them read. Polled every 15 s.
 */
export function NotificationBell() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const list = useQuery({ ...trpc.notifications.list.queryOptions(), refetchInterval: 15_000 });
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions());
  const unread = list.data?.unread ?? 0;

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const toggle = async () => {
    const next = !open;
    setOpen(next);
    if (next && unread > 0) {
      await markRead.mutateAsync();
      await queryClient.invalidateQueries({ queryKey: trpc.notifications.list.queryKey() });
    }
  };

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        onClick={toggle}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread ? `Notifications, ${unread} unread` : "Notifications"}
        className="relative rounded-md p-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
      >
        <svg viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth={1.8} aria-hidden>
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8Z" strokeLinejoin="round" />
          <path d="M10.3 20a1.9 1.9 0 0 0 3.4 0" strokeLinecap="round" />
        </svg>
        {unread > 0 && (
          <span
            data-testid="unread-count"
            className="absolute -right-1 -top-1 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-4 text-white"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          id={panelId}
          role="region"
          aria-label="Notifications"
          className="absolute right-0 z-40 mt-2 w-[min(22rem,calc(100vw-2rem))] rounded-lg bg-white shadow-lg ring-1 ring-slate-200 lg:left-0 lg:right-auto"
        >
          <p className="border-b border-slate-100 px-4 py-2 text-sm font-semibold text-slate-900">Notifications</p>
          {!list.data?.items.length ? (
            <p className="px-4 py-6 text-center text-sm text-slate-500">
              No alerts yet. You are told here when an endpoint starts failing, is disabled or recovers.
            </p>
          ) : (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
              {list.data.items.map((n) => (
                <li key={n.id} className={cn("px-4 py-3", !n.readAt && "bg-brand-50")}>
                  <p className="flex items-start gap-2 text-sm font-medium text-slate-900">
                    <span aria-hidden className={cn("mt-1.5 size-2 shrink-0 rounded-full", KIND_DOT[n.kind])} />
                    {n.endpointId ? (
                      <Link
                        href={`/webhooks/${n.endpointId}`}
                        className="hover:underline"
                        onClick={() => setOpen(false)}
                      >
                        {n.title}
                      </Link>
                    ) : (
                      n.title
                    )}
                  </p>
                  <p className="mt-0.5 pl-4 text-xs text-slate-600">{n.body}</p>
                  <p className="mt-0.5 pl-4 text-xs text-slate-400">
                    <Time value={n.createdAt} />
                  </p>
                </li>
              ))}
            </ul>
          )}
          <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-500">
            Also by email, and to your{" "}
            <Link
              href="/settings#ops-webhook"
              className="font-medium text-brand-700 hover:underline"
              onClick={() => setOpen(false)}
            >
              operational webhook
            </Link>
            .
          </p>
        </div>
      )}
    </div>
  );
}
