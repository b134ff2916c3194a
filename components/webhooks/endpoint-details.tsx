"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { DeliveryLog } from "@/components/deliveries/delivery-log";
import { ReplayDialog } from "@/components/deliveries/replay-dialog";
import { EndpointHealthPanel } from "@/components/health/endpoint-health-panel";
import { useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs } from "@/components/ui/tabs";
import { toast } from "@/components/ui/toast";
import { EndpointAlerts } from "./endpoint-alerts";
import { EndpointOverview } from "./endpoint-overview";
import { ReEnableDialog } from "./re-enable-dialog";
import type { WebhookTestResult } from "./test-result-panel";

const TABS = ["overview", "deliveries", "health"] as const;
type TabId = (typeof TABS)[number];

/**
 * /webhooks/[id]: header actions (Test Webhook, pause/resume, re-enable, replay, edit, delete),
 * health banners, and the Overview / Deliveries / Health tabs. The tab lives in `?tab=`, and a
 * `?delivery=` link (from the Events page) opens the Deliveries tab.
 */
export function EndpointDetails({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const queryClient = useQueryClient();
  const { data: ep } = useSuspenseQuery(trpc.endpoints.get.queryOptions({ id }));
  const test = useMutation(trpc.endpoints.test.mutationOptions());
  const setStatus = useMutation(trpc.endpoints.setStatus.mutationOptions());
  const remove = useMutation(trpc.endpoints.delete.mutationOptions());
  const [result, setResult] = useState<WebhookTestResult | null>(null);
  const [testError, setTestError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [reEnabling, setReEnabling] = useState(false);
  const [replay, setReplay] = useState<{ since?: Date } | null>(null);

  const requested = searchParams.get("tab");
  const [tab, setTab] = useState<TabId>(
    TABS.includes(requested as TabId) ? (requested as TabId) : searchParams.get("delivery") ? "deliveries" : "overview",
  );
  const selectTab = (next: string) => {
    setTab(next as TabId);
    const params = new URLSearchParams(searchParams.toString());
    params.set("tab", next);
    if (next !== "deliveries") params.delete("delivery");
    router.replace(`${pathname}?${params.toString()}`, { scroll: false });
  };

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.endpoints.pathKey() });

  const runTest = async () => {
    setTestError(null);
    selectTab("overview");
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

  // Optimistic: the badge and buttons flip at once; a refusal puts the old status back.
  const changeStatus = async (status: "active" | "paused") => {
    const key = trpc.endpoints.get.queryKey({ id });
    const before = queryClient.getQueryData(key);
    if (before) queryClient.setQueryData(key, { ...before, status });
    try {
      await setStatus.mutateAsync({ id, status });
      await refresh();
      toast.success(
        status === "paused" ? "Webhook paused" : "Webhook resumed",
        status === "paused" ? "Deliveries wait until you resume it." : "Held deliveries are being sent.",
      );
    } catch (err) {
      if (before) queryClient.setQueryData(key, before);
      toast.error("Could not change the status", err instanceof Error ? err.message : undefined);
    }
  };

  const confirmDelete = async () => {
    await remove.mutateAsync({ id });
    toast.success("Webhook deleted", ep.url);
    await queryClient.invalidateQueries({ queryKey: trpc.endpoints.list.queryKey() });
    router.push("/webhooks");
  };

  const editHref = ep.product === "platform" ? "/reseller/signup-webhook" : `/webhooks/${id}/edit`;

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
            {ep.status === "active" && (
              <Button variant="secondary" onClick={() => setReplay({})}>
                Replay failed…
              </Button>
            )}
            {ep.status === "active" ? (
              <Button variant="secondary" onClick={() => changeStatus("paused")} loading={setStatus.isPending}>
                Pause
              </Button>
            ) : ep.status === "paused" ? (
              <Button variant="secondary" onClick={() => changeStatus("active")} loading={setStatus.isPending}>
                Resume
              </Button>
            ) : (
              <Button onClick={() => setReEnabling(true)}>Re-enable…</Button>
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

      <EndpointAlerts
        ep={ep}
        onReEnable={() => setReEnabling(true)}
        reEnabling={setStatus.isPending}
        onShowDeliveries={() => selectTab("deliveries")}
      />

      <Tabs
        label="Webhook sections"
        selected={tab}
        onSelect={selectTab}
        tabs={[
          {
            id: "overview",
            label: "Overview",
            content: (
              <EndpointOverview ep={ep} testResult={result} testPending={test.isPending} testError={testError} />
            ),
          },
          { id: "deliveries", label: "Deliveries", content: <DeliveryLog endpointId={id} /> },
          { id: "health", label: "Health", content: <EndpointHealthPanel endpointId={id} /> },
        ]}
      />

      <ReEnableDialog
        ep={ep}
        open={reEnabling}
        onCancel={() => setReEnabling(false)}
        onReEnabled={async (offerReplaySince) => {
          setReEnabling(false);
          await refresh();
          toast.success("Webhook re-enabled", "New events are delivered to it again.");
          if (offerReplaySince) setReplay({ since: offerReplaySince });
        }}
      />
      {replay && (
        <ReplayDialog
          endpointId={id}
          open
          defaultSince={replay.since}
          onClose={() => {
            setReplay(null);
            void queryClient.invalidateQueries({ queryKey: trpc.health.pathKey() });
          }}
        />
      )}

      <ConfirmDialog
        open={deleting}
        onCancel={() => setDeleting(false)}
        onConfirm={confirmDelete}
        title="Delete this webhook?"
        confirmLabel="Delete webhook"
        description={
          <>
            <span className="block break-all font-mono text-xs text-slate-800">{ep.url}</span>
            <span className="mt-2 block">
              It stops receiving events at once. Pending retries are dropped. This cannot be undone.
            </span>
          </>
        }
      />
    </>
  );
}

export function EndpointDetailsSkeleton() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading webhook">
      <Skeleton className="h-8 w-72" />
      <Skeleton className="h-9 w-80" />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <Skeleton className="h-96 w-full" />
        <Skeleton className="h-72 w-full" />
      </div>
    </div>
  );
}
