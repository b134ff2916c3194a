"use client";

import { FAILURE_STREAK_LABEL } from "@/components/health/failure-streak";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { paramFieldsFor, primaryEventType } from "@/server/endpoints/param-map";
import type { EndpointView } from "@/server/endpoints/to-endpoint-view";
import {
  EVENT_TYPE_LABELS,
  formatDateTime,
  methodLabel,
  PAYLOAD_FORMAT_LABELS,
  PRODUCT_LABELS,
  REPORT_TYPE_LABELS,
} from "./labels";
import { RequestPreview } from "./request-preview";
import { SigningSecretCard } from "./signing-secret-card";
import { FailureStreakValue } from "./failure-streak-item";
import { StatusBadge } from "./status-badge";
import { TestResultPanel, type WebhookTestResult } from "./test-result-panel";

type Props = { ep: EndpointView; testResult: WebhookTestResult | null; testPending: boolean; testError: string | null };

/** The endpoint page's Overview tab: configuration, parameters and headers, signing secret, request preview and the last test. */
export function EndpointOverview({ ep, testResult: result, testPending, testError }: Props) {
  // In the order of the form (the stored map's key order is not kept by jsonb).
  const paramMap: Record<string, string> = ep.paramMap ?? {};
  const fields = paramFieldsFor(ep.product, ep.reportType);
  const paramRows: [string, string][] = [
    ...fields.map((f): [string, string] => [f.label.replace(/ Parameter$/, ""), paramMap[f.field] || f.defaultName]),
    ...Object.entries(paramMap).filter(([k]) => !fields.some((f) => f.field === k)),
  ];
  const primary = primaryEventType(ep.product, ep.reportType, ep.eventTypes);
  const previewTypes = [primary, ...ep.eventTypes.filter((t) => t !== primary)];
  const isMapped = ep.payloadFormat === "mapped";

  return (
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
            <Item label={FAILURE_STREAK_LABEL}>
              <FailureStreakValue endpointId={ep.id} fallback={ep.consecutiveFailures} />
            </Item>
            <Item label="Product">{PRODUCT_LABELS[ep.product] ?? ep.product}</Item>
            <Item label="Report Type">{REPORT_TYPE_LABELS[ep.reportType] ?? ep.reportType}</Item>
            <Item label="Server Method">{methodLabel(ep)}</Item>
            <Item label="Payload format">{PAYLOAD_FORMAT_LABELS[ep.payloadFormat] ?? ep.payloadFormat}</Item>
            <Item label="Product Unique ID (WABA number)">
              {ep.wabaNumber ? <span className="font-mono">{ep.wabaNumber}</span> : <Muted>—</Muted>}
            </Item>
            <Item label="Event types">
              <ul className="space-y-0.5">
                {ep.eventTypes.map((t) => (
                  <li key={t}>
                    <code className="font-mono text-xs">{t}</code>{" "}
                    <span className="text-slate-500">{EVENT_TYPE_LABELS[t] ? `· ${EVENT_TYPE_LABELS[t]}` : ""}</span>
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
            <Item label="Rate limit">
              {ep.rateLimitPerSecond ? `${ep.rateLimitPerSecond} requests per second` : <Muted>Unlimited</Muted>}
            </Item>
            <Item label="Timeout">{ep.timeoutMs / 1000} s</Item>
            <Item label="Ordered per message">{ep.orderedDelivery ? "On" : <Muted>Off</Muted>}</Item>
            {ep.reportType === "dlr" && (
              <Item label="Latest status only">{ep.latestStatusOnly ? "On" : <Muted>Off</Muted>}</Item>
            )}
            <Item label="Adaptive throttling">{ep.adaptiveThrottle ? "On" : <Muted>Off</Muted>}</Item>
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
                note={
                  isMapped
                    ? undefined
                    : "Not applied: the JSON envelope format always uses canonical field names under data."
                }
              />
            )}
            <KeyValueTable
              caption="Custom parameters"
              columns={["Name", "Value"]}
              rows={(ep.customParams ?? []).map((p) => [p.key, p.value])}
              empty="None."
            />
            <KeyValueTable
              caption="Custom headers"
              columns={["Name", "Value"]}
              rows={(ep.customHeaders ?? []).map((h) => [h.name, h.value])}
              empty="None."
              note={
                (ep.customHeaders ?? []).length > 0
                  ? "Header values are encrypted at rest and shown masked."
                  : undefined
              }
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
          options={{
            orderedDelivery: ep.orderedDelivery,
            latestStatusOnly: ep.latestStatusOnly,
            adaptiveThrottle: ep.adaptiveThrottle,
            rateLimitPerSecond: ep.rateLimitPerSecond,
          }}
        />
        <TestResultPanel result={result} pending={testPending} error={testError} />
      </aside>
    </div>
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

function KeyValueTable({
  caption,
  columns,
  rows,
  empty,
  note,
}: {
  caption: string;
  columns: [string, string];
  rows: [string, string][];
  empty: string;
  note?: string;
}) {
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
              <th scope="col" className="py-1.5 pr-4 font-medium">
                {columns[0]}
              </th>
              <th scope="col" className="py-1.5 font-medium">
                {columns[1]}
              </th>
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
