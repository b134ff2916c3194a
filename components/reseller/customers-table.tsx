"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { useTRPC } from "@/components/trpc/react";
import { EmptyState } from "@/components/ui/empty-state";
import { InputField } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";

const dateFmt = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function CustomersTable() {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const deferred = useDeferredValue(search.trim());
  const { data, isLoading, error } = useQuery({
    ...trpc.reseller.customers.queryOptions(deferred ? { search: deferred } : undefined),
    placeholderData: keepPreviousData,
  });

  return (
    <div className="space-y-4">
      <div className="max-w-sm">
        <InputField
          label="Search customers"
          type="search"
          placeholder="Name, email, username or mobile"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error.message}
        </p>
      )}
      {isLoading ? (
        <Skeleton className="h-40 w-full" />
      ) : !data?.length ? (
        <EmptyState
          title={deferred ? "No customers match your search" : "No customers yet"}
          description={
            deferred
              ? "Try another name, email or number."
              : "Customers who sign up on your white-label storefront appear here."
          }
        />
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Customers</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Name
                </th>
                <th scope="col" className="px-4 py-3">
                  Username
                </th>
                <th scope="col" className="px-4 py-3">
                  Email
                </th>
                <th scope="col" className="px-4 py-3">
                  Mobile
                </th>
                <th scope="col" className="px-4 py-3">
                  Location
                </th>
                <th scope="col" className="px-4 py-3">
                  Signed up (UTC)
                </th>
                <th scope="col" className="px-4 py-3">
                  Status
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.map((c) => (
                <tr key={c.accountId} className="hover:bg-slate-50">
                  <td className="px-4 py-3 font-medium text-slate-900">{c.fullName}</td>
                  <td className="px-4 py-3 text-slate-700">{c.username}</td>
                  <td className="px-4 py-3 text-slate-700">{c.email}</td>
                  <td className="px-4 py-3 font-mono text-xs text-slate-700">{c.mobileNumber}</td>
                  <td className="px-4 py-3 text-slate-700">{[c.city, c.country].join(", ")}</td>
                  <td className="px-4 py-3 whitespace-nowrap text-slate-700">{dateFmt.format(c.signedUpAt)}</td>
                  <td className="px-4 py-3">
                    <span
                      className={
                        c.status === "active"
                          ? "rounded bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700"
                          : "rounded bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600"
                      }
                    >
                      {c.status}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
