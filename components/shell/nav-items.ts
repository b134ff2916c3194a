type NavItem = { href: string; label: string };
type NavSection = { title: string; items: NavItem[]; resellerOnly?: boolean };

export const NAV: NavSection[] = [
  {
    title: "Webhooks",
    items: [
      { href: "/overview", label: "Overview" },
      { href: "/webhooks", label: "Webhooks" },
      { href: "/events", label: "Events" },
      { href: "/health", label: "Health" },
      { href: "/settings/api-keys", label: "API keys" },
      { href: "/api-reference", label: "API reference" },
      { href: "/settings", label: "Settings" },
    ],
  },
  {
    title: "Reseller",
    resellerOnly: true,
    items: [
      { href: "/reseller/customers", label: "Customers" },
      { href: "/reseller/white-label", label: "White label" },
      { href: "/reseller/signup-webhook", label: "Signup webhook" },
    ],
  },
];

/** The nav entry a path belongs to: the longest matching href wins (/settings vs /settings/api-keys). */
export function activeHref(pathname: string): string | undefined {
  const all = NAV.flatMap((s) => s.items.map((i) => i.href));
  return all.filter((h) => pathname === h || pathname.startsWith(`${h}/`)).sort((a, b) => b.length - a.length)[0];
}
