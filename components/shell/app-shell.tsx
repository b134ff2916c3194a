"use client";

import { signOut } from "next-auth/react";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { BrandMark, type ShellBrand } from "./brand-mark";
import { brandStyle } from "./brand-style";
import { SidebarNav } from "./sidebar-nav";

type ShellUser = { name: string; email: string; role: "customer" | "reseller" };

/**
 * The signed-in frame: sidebar (or a menu on phones), the user and Sign out, the notifications
 * bell. A customer of a reseller sees the reseller's brand — name, logo and colour (every brand-*
 * colour inside takes it) — instead of Hookline's.
 */
export function AppShell({
  user,
  brand = null,
  children,
  notice,
  topRight,
}: {
  user: ShellUser;
  brand?: ShellBrand | null;
  children: ReactNode;
  notice?: ReactNode;
  /** Beside the brand (the notifications bell). */
  topRight?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const sidebar = (
    <div className="flex h-full flex-col">
      <div className="flex items-center justify-between gap-2 px-3">
        <Link href="/overview" className="min-w-0 text-lg">
          <BrandMark brand={brand} />
        </Link>
        <span className="hidden lg:block">{topRight}</span>
      </div>
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
            // A reseller's customer goes back to the storefront's own sign-in.
            window.location.assign(brand ? `/r/${brand.slug}/sign-in` : "/sign-in");
          }}
        >
          Sign out
        </Button>
      </div>
    </div>
  );

  return (
    <div className="min-h-screen lg:flex" style={brand ? brandStyle(brand.primaryColor) : undefined}>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <aside className="hidden w-64 shrink-0 border-r border-slate-200 bg-white px-3 py-6 lg:block">{sidebar}</aside>
      <div className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 lg:hidden">
        <Link href="/overview" className="min-w-0">
          <BrandMark brand={brand} compact />
        </Link>
        <span className="ml-auto mr-2">{topRight}</span>
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
