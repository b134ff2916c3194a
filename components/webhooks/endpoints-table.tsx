"use client";

import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/react";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { methodLabel, PRODUCT_LABELS, REPORT_TYPE_LABELS } from "./labels";
import { EndpointHealthHint } from "./endpoint-health-hint";
import { StatusBadge } from "./status-badge";

/** "ep_01jd…x4kq": enough to tell endpoints apart; the full id is in the title and on hover. */
function shortId(id: string) {
  return id.length > 14 ? `${id.slice(0, 7)}…${id.slice(-4)}` : id;
}

/** The signup and alerts webhooks are edited where they were set up. */
const editHref = (ep: { id: string; product: string; reportType: string }) =>
  ep.reportType === "alerts"
    ? "/settings"
    : ep.product === "platform"
      ? "/reseller/signup-webhook"
      : `/webhooks/${ep.id}/edit`;

const actionLink = "rounded px-1.5 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50 hover:underline";

/** The Manage Webhooks table: every endpoint of the account with Edit / Delete / View Details. */
export function EndpointsTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: endpoints } = useSuspenseQuery(trpc.endpoints.list.queryOptions());
  const remove = useMutation(trpc.endpoints.delete.mutationOptions());
  // Loaded after the table (not prefetched): the table never waits for the health figures.
  const health = useQuery({ ...trpc.health.dashboard.queryOptions({ range: "24h" }), refetchInterval: 30_000 });
  const healthOf = new Map(health.data?.items.map((i) => [i.endpoint.id, i]));
  const [pending, setPending] = useState<{ id: string; url: string } | null>(null);

  const confirmDelete = async () => {
    if (!pending) return;
    await remove.mutateAsync({ id: pending.id });
    await queryClient.invalidateQueries({ queryKey: trpc.endpoints.pathKey() });
    toast.success("Webhook deleted", pending.url);
    setPending(null);
  };

  if (endpoints.length === 0) {
    return (
      <EmptyState
        title="No webhooks configured yet"
        description="Add a webhook to receive SMS and WhatsApp delivery reports (DLR) and WhatsApp inbound messages (MO) on your server in real time."
        action={<LinkButton href="/webhooks/new">Add webhook</LinkButton>}
      />
    );
  }

  return (
    <>
      <Table caption="Manage Webhooks">
        <THead>
          <Th>ID</Th>
          <Th>Product</Th>
          <Th>Webhook</Th>
          <Th>Report Type</Th>
          <Th>Server Method</Th>
          <Th>Product Unique ID</Th>
          <Th>Status</Th>
          <Th className="text-right">Actions</Th>
        </THead>
        <TBody>
          {endpoints.map((ep) => (
            <tr key={ep.id} className="hover:bg-slate-50">
              <Td label="ID" className="whitespace-nowrap font-mono text-xs">
                <Link
                  href={`/webhooks/${ep.id}`}
                  title={ep.id}
                  className="text-slate-700 hover:text-brand-700 hover:underline"
                >
                  {shortId(ep.id)}
                </Link>
              </Td>
              <Td label="Product" className="whitespace-nowrap">
                {PRODUCT_LABELS[ep.product] ?? ep.product}
              </Td>
              <Td label="Webhook" className="max-w-[15rem]">
                <span className="block truncate font-mono text-xs text-slate-900" title={ep.url}>
                  {ep.url}
                </span>
                {ep.description && (
                  <span className="block truncate text-xs text-slate-500" title={ep.description}>
                    {ep.description}
                  </span>
                )}
              </Td>
              <Td label="Report Type">{REPORT_TYPE_LABELS[ep.reportType] ?? ep.reportType}</Td>
              <Td label="Server Method" className="whitespace-nowrap">
                {methodLabel(ep)}
              </Td>
              <Td label="Product Unique ID" className="whitespace-nowrap font-mono text-xs">
                {ep.wabaNumber ?? <span className="text-slate-400">—</span>}
              </Td>
              <Td label="Status">
                <span className="flex flex-col items-start gap-1">
                  <StatusBadge status={ep.status} reason={ep.disabledReason} />
                  <EndpointHealthHint item={healthOf.get(ep.id)} />
                </span>
              </Td>
              <Td className="whitespace-nowrap text-right">
                <div className="flex justify-end gap-1">
                  <Link href={editHref(ep)} className={actionLink}>
                    Edit<span className="sr-only"> webhook {ep.url}</span>
                  </Link>
                  <button
                    type="button"
                    onClick={() => setPending({ id: ep.id, url: ep.url })}
                    className="rounded px-1.5 py-1 text-sm font-medium text-red-700 hover:bg-red-50 hover:underline"
                  >
                    Delete<span className="sr-only"> webhook {ep.url}</span>
                  </button>
                  <Link href={`/webhooks/${ep.id}`} className={actionLink}>
                    View Details<span className="sr-only"> of webhook {ep.url}</span>
                  </Link>
                </div>
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
      <p className="mt-3 text-xs text-slate-500">
        {endpoints.length} webhook{endpoints.length === 1 ? "" : "s"}
      </p>
      <ConfirmDialog
        open={pending !== null}
        onCancel={() => setPending(null)}
        onConfirm={confirmDelete}
        title="Delete this webhook?"
        confirmLabel="Delete webhook"
        description={
          <>
            <span className="block break-all font-mono text-xs text-slate-800">{pending?.url}</span>
            <span className="mt-2 block">
              It stops receiving events at once. Pending retries are dropped. This cannot be undone.
            </span>
          </>
        }
      />
    </>
  );
}

export function EndpointsTableSkeleton() {
  return (
    <div
      className="space-y-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      aria-busy="true"
      aria-label="Loading webhooks"
    >
      <Skeleton className="h-5 w-full" />
      {Array.from({ length: 4 }, (_, i) => (
        <Skeleton key={i} className="h-9 w-full" />
      ))}
    </div>
  );
}
