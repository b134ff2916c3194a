"use client";

import { signOut } from "next-auth/react";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { SidebarNav } from "./sidebar-nav";

type ShellUser = { name: string; email: string; role: "customer" | "reseller" };

export function AppShell({ user, children, notice }: { user: ShellUser; children: ReactNode; notice?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const sidebar = (
    <div className="flex h-full flex-col">
      <Link href="/overview" className="px-3 text-lg font-bold tracking-tight text-brand-700">
        <span aria-hidden>⚡</span> Hookline
      </Link>
      <div className="mt-8 flex-1">
        <SidebarNav role={user.role} onNavigate={() => setOpen(false)} />
      </div>
      <div className="border-t border-slate-200 px-3 pt-4">
        <p className="truncate text-sm font-medium text-slate-800">{user.name}</p>
        <p className="truncate text-xs text-slate-500">{user.email}</p>
        <p className="mt-1 inline-block rounded bg-slate-100 px-1.5 py-0.5 text-[11px] font-medium capitalize text-slate-600">
          {user.role}
        </p>
        <Button
          variant="secondary"
          size="sm"
          className="mt-3 w-full"
          // No redirect from next-auth: its URL would be NEXTAUTH_URL's (or localhost:3000's), not this host's.
          onClick={async () => {
            await signOut({ redirect: false });
            window.location.assign("/sign-in");
          }}
        >
          Sign out
        </Button>
      </div>
    </div>
  );

  return (
    <div className="min-h-screen lg:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <aside className="hidden w-64 shrink-0 border-r border-slate-200 bg-white px-3 py-6 lg:block">{sidebar}</aside>
      <div className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 lg:hidden">
        <span className="font-bold text-brand-700">Hookline</span>
        <Button
          variant="ghost"
          size="sm"
          aria-expanded={open}
          aria-controls="mobile-nav"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? "Close" : "Menu"}
        </Button>
      </div>
      {open && (
        <div id="mobile-nav" className="border-b border-slate-200 bg-white px-3 py-4 lg:hidden">
          {sidebar}
        </div>
      )}
      <main id="main" className="min-w-0 flex-1 px-4 py-8 sm:px-8">
        {notice}
        <div className="mx-auto max-w-6xl">{children}</div>
      </main>
    </div>
  );
}
