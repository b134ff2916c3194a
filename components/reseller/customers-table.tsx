"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { useTRPC } from "@/components/trpc/react";
import { EmptyState } from "@/components/ui/empty-state";
import { InputField } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { Time } from "@/components/ui/time";

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
        <Table caption="Customers">
          <THead>
            <Th>Name</Th>
            <Th>Username</Th>
            <Th>Email</Th>
            <Th>Mobile</Th>
            <Th>Location</Th>
            <Th>Signed up</Th>
            <Th>Status</Th>
          </THead>
          <TBody>
            {data.map((c) => (
              <tr key={c.accountId} className="hover:bg-slate-50">
                <Td className="font-medium text-slate-900">{c.fullName}</Td>
                <Td label="Username">{c.username}</Td>
                <Td label="Email" className="break-all">
                  {c.email}
                </Td>
                <Td label="Mobile" className="whitespace-nowrap font-mono text-xs">
                  {c.mobileNumber}
                </Td>
                <Td label="Location">{[c.city, c.region, c.country].filter(Boolean).join(", ")}</Td>
                <Td label="Signed up" className="whitespace-nowrap">
                  <Time value={c.signedUpAt} />
                </Td>
                <Td label="Status">
                  <Badge tone={c.status === "active" ? "success" : "neutral"} dot>
                    {c.status === "active" ? "Active" : "Suspended"}
                  </Badge>
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
