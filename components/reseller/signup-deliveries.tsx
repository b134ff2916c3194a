"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";

const TONE: Record<string, BadgeTone> = { succeeded: "success", failed: "danger", retrying: "warning", pending: "neutral", sending: "info" };
const fmt = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** The Signup Webhook's delivery log: status codes and error messages (404, 500, timeout), retry. */
export function SignupDeliveries({ endpointId }: { endpointId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery({
    ...trpc.deliveries.list.queryOptions({ endpointId, limit: 50 }),
    // Live while anything is still on its way.
    refetchInterval: (q) => (q.state.data?.data.some((d) => d.status !== "succeeded" && d.status !== "failed") ? 2000 : false),
  });
  const retry = useMutation({
    ...trpc.deliveries.retry.mutationOptions(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.deliveries.list.pathKey() }),
  });

  if (list.isLoading) return <Skeleton className="h-32 w-full" />;
  if (list.error) return <p role="alert" className="text-sm text-red-600">{list.error.message}</p>;
  const rows = list.data?.data ?? [];
  if (!rows.length) return <EmptyState title="No signups delivered yet" description="Each signup on your storefront appears here with the response from your endpoint." />;

  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Signup webhook deliveries</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-3">Time (UTC)</th>
            <th scope="col" className="px-4 py-3">Status</th>
            <th scope="col" className="px-4 py-3">HTTP</th>
            <th scope="col" className="px-4 py-3">Attempts</th>
            <th scope="col" className="px-4 py-3">Message</th>
            <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((d) => (
            <tr key={d.id} data-testid="signup-delivery">
              <td className="whitespace-nowrap px-4 py-3 text-slate-700">{fmt.format(d.createdAt)}</td>
              <td className="px-4 py-3"><Badge tone={TONE[d.status] ?? "neutral"} dot>{d.status}</Badge></td>
              <td className="px-4 py-3 font-mono text-xs">{d.lastStatusCode ?? "—"}</td>
              <td className="px-4 py-3 text-slate-700">{d.attempts}</td>
              <td className="max-w-md px-4 py-3 text-slate-700">
                {d.lastError ?? (d.status === "succeeded" ? "Delivered" : d.status === "retrying" ? `Next attempt ${fmt.format(d.nextAttemptAt)}` : "Waiting")}
              </td>
              <td className="px-4 py-3 text-right">
                {(d.status === "failed" || d.status === "retrying") && (
                  <Button size="sm" variant="secondary" loading={retry.isPending && retry.variables?.id === d.id} onClick={() => retry.mutate({ id: d.id })}>
                    Retry
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
