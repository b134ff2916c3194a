"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/react";
import { Card } from "@/components/ui/card";

export function ProfileCard() {
  const trpc = useTRPC();
  const { data: me } = useSuspenseQuery(trpc.account.me.queryOptions());
  const rows: [string, string][] = [
    ["Full name", me.fullName],
    ["Username", me.username],
    ["Email", me.email],
    ["Mobile number", me.mobileNumber],
    ["Location", [me.city, me.region, me.country].join(", ")],
    ["Account type", me.accountType === "reseller" ? "Reseller" : "Customer"],
    ["Account ID", me.accountId],
    ["Member since", me.createdAt.toISOString().slice(0, 10)],
  ];
  return (
    <Card title="Profile">
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{k}</dt>
            <dd className="mt-0.5 break-all text-sm text-slate-900">{v}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
