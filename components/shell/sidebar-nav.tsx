"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { activeHref, NAV } from "./nav-items";

export function SidebarNav({ role, onNavigate }: { role: "customer" | "reseller"; onNavigate?: () => void }) {
  const active = activeHref(usePathname());
  return (
    <nav aria-label="Main" className="space-y-6">
      {NAV.filter((s) => !s.resellerOnly || role === "reseller").map((section) => (
        <div key={section.title}>
          <p className="px-3 text-xs font-semibold uppercase tracking-wider text-slate-400">{section.title}</p>
          <ul className="mt-2 space-y-0.5">
            {section.items.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  onClick={onNavigate}
                  aria-current={active === item.href ? "page" : undefined}
                  className={cn(
                    "block rounded-md px-3 py-2 text-sm font-medium",
                    active === item.href ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100",
                  )}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
