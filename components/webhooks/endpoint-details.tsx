"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { paramFieldsFor, primaryEventType } from "@/server/endpoints/param-map";
import { EVENT_TYPE_LABELS, formatDateTime, METHOD_LABELS, PAYLOAD_FORMAT_LABELS, PRODUCT_LABELS, REPORT_TYPE_LABELS } from "./labels";
import { RequestPreview } from "./request-preview";
import { SigningSecretCard } from "./signing-secret-card";
import { StatusBadge } from "./status-badge";
import { TestResultPanel, type WebhookTestResult } from "./test-result-panel";

/** /webhooks/[id]: full configuration, signing secret, preview, Test Webhook, pause/resume, edit, delete. */
export function EndpointDetails({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: ep } = useSuspenseQuery(trpc.endpoints.get.queryOptions({ id }));
  const test = useMutation(trpc.endpoints.test.mutationOptions());
  const setStatus = useMutation(trpc.endpoints.setStatus.mutationOptions());
  const remove = useMutation(trpc.endpoints.delete.mutationOptions());
  const [result, setResult] = useState<WebhookTestResult | null>(null);
  const [testError, setTestError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);

  const runTest = async () => {
    setTestError(null);
    try {
      const outcome = await test.mutateAsync({ id });
      setResult(outcome);
      if (outcome.ok) toast.success("Test delivered", `Your server answered ${outcome.status}.`);
      else toast.error("Test failed", outcome.errorMessage ?? undefined);
    } catch (err) {
      setResult(null);
      setTestError(err instanceof Error ? err.message : "The test could not be sent.");
    }
  };

  const changeStatus = async (status: "active" | "paused") => {
    try {
      await setStatus.mutateAsync({ id, status });
      await queryClient.invalidateQueries({ queryKey: trpc.endpoints.pathKey() });
      toast.success(status === "paused" ? "Webhook paused" : "Webhook resumed", status === "paused" ? "Deliveries wait until you resume it." : "Held deliveries are being sent.");
    } catch (err) {
      toast.error("Could not change the status", err instanceof Error ? err.message : undefined);
    }
  };

  const confirmDelete = async () => {
    await remove.mutateAsync({ id });
    toast.success("Webhook deleted", ep.url);
    await queryClient.invalidateQueries({ queryKey: trpc.endpoints.list.queryKey() });
    router.push("/webhooks");
  };

  // In the order of the form (the stored map's key order is not kept by jsonb).
  const paramMap: Record<string, string> = ep.paramMap ?? {};
  const fields = paramFieldsFor(ep.product, ep.reportType);
  const paramRows: [string, string][] = [
    ...fields.map((f): [string, string] => [f.label.replace(/ Parameter$/, ""), paramMap[f.field] || f.defaultName]),
    ...Object.entries(paramMap).filter(([k]) => !fields.some((f) => f.field === k)),
  ];
  const primary = primaryEventType(ep.product, ep.reportType, ep.eventTypes);
  const previewTypes = [primary, ...ep.eventTypes.filter((t) => t !== primary)];
  const editHref = ep.product === "platform" ? "/reseller/signup-webhook" : `/webhooks/${id}/edit`;
  const isMapped = ep.payloadFormat === "mapped";

  return (
    <>
      <PageHeader
        title={ep.description || "Webhook endpoint"}
        description={<span className="break-all font-mono text-xs">{ep.url}</span>}
        actions={
          <>
            <Button variant="secondary" onClick={runTest} loading={test.isPending}>
              Test Webhook
            </Button>
            {ep.status === "active" ? (
              <Button variant="secondary" onClick={() => changeStatus("paused")} loading={setStatus.isPending}>
                Pause
              </Button>
            ) : (
              <Button variant="secondary" onClick={() => changeStatus("active")} loading={setStatus.isPending}>
                {ep.status === "disabled" ? "Re-enable" : "Resume"}
              </Button>
            )}
            <LinkButton href={editHref} variant="secondary">
              Edit
            </LinkButton>
            <Button variant="danger" onClick={() => setDeleting(true)}>
              Delete
            </Button>
          </>
        }
      />

      {ep.status === "disabled" && (
        <Alert tone="error" title="This webhook is disabled" className="mb-6">
          {ep.disabledReason ?? "Hookline stopped delivering to it."} Fix the problem, run a test, then re-enable it.
        </Alert>
      )}
      {ep.status === "paused" && (
        <Alert tone="warning" title="This webhook is paused" className="mb-6">
          Deliveries to it are held, not dropped: they go out when you resume it.
        </Alert>
      )}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="min-w-0 space-y-6">
          <Card title="Configuration">
            <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
              <Item label="ID" wide>
                <span className="flex items-center gap-2">
                  <span className="break-all font-mono text-xs">{ep.id}</span>
                  <CopyButton value={ep.id} label="Copy" variant="ghost" aria-label="Copy webhook ID" />
                </span>
              </Item>
              <Item label="Status">
                <StatusBadge status={ep.status} reason={ep.disabledReason} />
              </Item>
              <Item label="Consecutive failures">{ep.consecutiveFailures}</Item>
              <Item label="Product">{PRODUCT_LABELS[ep.product] ?? ep.product}</Item>
              <Item label="Report Type">{REPORT_TYPE_LABELS[ep.reportType] ?? ep.reportType}</Item>
              <Item label="Server Method">{METHOD_LABELS[ep.method] ?? ep.method}</Item>
              <Item label="Payload format">{PAYLOAD_FORMAT_LABELS[ep.payloadFormat] ?? ep.payloadFormat}</Item>
              <Item label="Product Unique ID (WABA number)">{ep.wabaNumber ? <span className="font-mono">{ep.wabaNumber}</span> : <Muted>—</Muted>}</Item>
              <Item label="Event types">
                <ul className="space-y-0.5">
                  {ep.eventTypes.map((t) => (
                    <li key={t}>
                      <code className="font-mono text-xs">{t}</code> <span className="text-slate-500">{EVENT_TYPE_LABELS[t] ? `· ${EVENT_TYPE_LABELS[t]}` : ""}</span>
                    </li>
                  ))}
                </ul>
              </Item>
              <Item label="Webhook (URL Endpoint)" wide>
                <span className="flex items-start gap-2">
                  <span className="min-w-0 break-all font-mono text-xs">{ep.url}</span>
                  <CopyButton value={ep.url} label="Copy" variant="ghost" aria-label="Copy webhook URL" />
                </span>
              </Item>
              <Item label="Description" wide>
                {ep.description || <Muted>No description</Muted>}
              </Item>
              <Item label="Rate limit">{ep.rateLimitPerSecond ? `${ep.rateLimitPerSecond} requests per second` : <Muted>Unlimited</Muted>}</Item>
              <Item label="Timeout">{ep.timeoutMs / 1000} s</Item>
              <Item label="Created">{formatDateTime(ep.createdAt)}</Item>
              <Item label="Last updated">{formatDateTime(ep.updatedAt)}</Item>
            </dl>
          </Card>

          <Card title="Parameters and headers">
            <div className="space-y-5">
              {ep.reportType !== "mo" && (
                <KeyValueTable
                  caption="Required Parameters"
                  columns={["Field", "Your parameter name"]}
                  rows={paramRows}
                  empty="Canonical names are used."
                  note={isMapped ? undefined : "Not applied: the JSON envelope format always uses canonical field names under data."}
                />
              )}
              <KeyValueTable caption="Custom parameters" columns={["Name", "Value"]} rows={(ep.customParams ?? []).map((p) => [p.key, p.value])} empty="None." />
              <KeyValueTable
                caption="Custom headers"
                columns={["Name", "Value"]}
                rows={(ep.customHeaders ?? []).map((h) => [h.name, h.value])}
                empty="None."
                note={(ep.customHeaders ?? []).length > 0 ? "Header values are encrypted at rest and shown masked." : undefined}
              />
            </div>
          </Card>

          <SigningSecretCard endpointId={ep.id} />
        </div>

        <aside className="min-w-0 space-y-4 lg:sticky lg:top-6 lg:self-start" aria-label="Preview and test">
          <RequestPreview
            eventTypes={previewTypes}
            config={{
              url: ep.url,
              method: ep.method,
              payloadFormat: ep.payloadFormat,
              paramMap: ep.paramMap ?? {},
              customParams: ep.customParams ?? [],
              customHeaders: ep.customHeaders ?? [],
              wabaNumber: ep.wabaNumber,
            }}
          />
          <TestResultPanel result={result} pending={test.isPending} error={testError} />
        </aside>
      </div>

      <ConfirmDialog
        open={deleting}
        onCancel={() => setDeleting(false)}
        onConfirm={confirmDelete}
        title="Delete this webhook?"
        confirmLabel="Delete webhook"
        description={
          <>
            <span className="block break-all font-mono text-xs text-slate-800">{ep.url}</span>
            <span className="mt-2 block">It stops receiving events at once. Pending retries are dropped. This cannot be undone.</span>
          </>
        }
      />
    </>
  );
}

function Item({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

function Muted({ children }: { children: ReactNode }) {
  return <span className="text-slate-400">{children}</span>;
}

function KeyValueTable({ caption, columns, rows, empty, note }: { caption: string; columns: [string, string]; rows: [string, string][]; empty: string; note?: string }) {
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-800">{caption}</h3>
      {note && <p className="mt-0.5 text-xs text-slate-500">{note}</p>}
      {rows.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">{empty}</p>
      ) : (
        <table className="mt-2 w-full text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
              <th scope="col" className="py-1.5 pr-4 font-medium">{columns[0]}</th>
              <th scope="col" className="py-1.5 font-medium">{columns[1]}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map(([k, v], i) => (
              <tr key={`${k}-${i}`}>
                <td className="py-1.5 pr-4 text-slate-700">{k}</td>
                <td className="break-all py-1.5 font-mono text-xs text-slate-900">{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function EndpointDetailsSkeleton() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading webhook">
      <Skeleton className="h-8 w-72" />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <Skeleton className="h-96 w-full" />
        <Skeleton className="h-72 w-full" />
      </div>
    </div>
  );
}
