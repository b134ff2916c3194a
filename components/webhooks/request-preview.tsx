"use client";

import { useMemo, useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { Tabs } from "@/components/ui/tabs";
import { deliveryNotes, type DeliveryOptions } from "@/server/delivery/render/delivery-notes";
import { PREVIEW_PLACEHOLDER_URL, renderPreview } from "@/server/delivery/render/render-preview";
import { toCurl } from "@/server/delivery/render/to-curl";
import type { PayloadFormat, SendMethod } from "@/server/delivery/types";
import { CodeBlock, HeaderList, prettyBody } from "./code-block";
import { EVENT_TYPE_LABELS } from "./labels";

type PreviewConfig = {
  url?: string;
  method?: SendMethod;
  payloadFormat?: PayloadFormat;
  paramMap?: Record<string, string | undefined>;
  customParams?: { key?: string; value?: string }[];
  customHeaders?: { name?: string; value?: string }[];
  wabaNumber?: string | null;
};

const SIGNATURE_HEADERS = {
  "webhook-id": "dlv_… (unique per delivery, same on retries)",
  "webhook-timestamp": "unix seconds at send time",
  "webhook-signature": "v1,… HMAC-SHA256 with your signing secret",
};

/**
 * Live "Request preview": method, URL, headers and body this configuration sends for a sample
 * event, with "Copy as curl". Rendered in the browser by the same pure function the sender uses.
 */
export function RequestPreview({
  config,
  eventTypes,
  options,
  className,
}: {
  config: PreviewConfig;
  eventTypes: string[];
  /** The endpoint's delivery options: notes on when (and whether) this request is sent. */
  options?: DeliveryOptions;
  className?: string;
}) {
  const [chosen, setChosen] = useState<string | null>(null);
  const eventType = chosen && eventTypes.includes(chosen) ? chosen : (eventTypes[0] ?? "sms.dlr");
  const request = useMemo(() => renderPreview(config, eventType), [config, eventType]);
  const curl = useMemo(() => toCurl(request), [request]);
  const urlMissing = !config.url?.trim();
  const notes = options ? deliveryNotes(options, eventType) : [];

  return (
    <section aria-labelledby="request-preview-heading" className={className}>
      <div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 id="request-preview-heading" className="text-sm font-semibold text-slate-900">
            Request preview
          </h3>
          <CopyButton value={curl} label="Copy as curl" />
        </div>
        <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
          {eventTypes.length > 1 ? (
            <label className="flex items-center gap-2">
              Sample event
              <select
                value={eventType}
                onChange={(e) => setChosen(e.target.value)}
                className="rounded border-0 py-0.5 pl-2 pr-7 text-xs ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500"
              >
                {eventTypes.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <span>
              Sample <code className="font-mono">{eventType}</code> event ({EVENT_TYPE_LABELS[eventType] ?? eventType})
            </span>
          )}
        </div>
        <p
          className="mt-3 break-all rounded-md bg-slate-50 px-3 py-2 font-mono text-xs text-slate-800 ring-1 ring-slate-200"
          data-testid="preview-request-line"
        >
          <span className="mr-1 font-semibold text-brand-700">{request.method}</span>{" "}
          {urlMissing ? (
            <span className="italic text-slate-400">
              {request.url.replace(PREVIEW_PLACEHOLDER_URL, "⟨your webhook URL⟩")}
            </span>
          ) : (
            request.url
          )}
        </p>
        <Tabs
          className="mt-3"
          label="Request preview"
          tabs={[
            {
              id: "body",
              label: "Body",
              content:
                request.body === null ? (
                  <p className="text-sm text-slate-500">
                    GET requests have no body: the fields travel in the query string above.
                  </p>
                ) : (
                  <CodeBlock label="Request body preview">
                    {prettyBody(request.body, request.headers["content-type"])}
                  </CodeBlock>
                ),
            },
            {
              id: "headers",
              label: "Headers",
              content: (
                <div className="space-y-2">
                  <HeaderList headers={request.headers} muted={SIGNATURE_HEADERS} />
                  <p className="text-xs text-slate-500">
                    Shaded headers are added when the request is sent (Standard Webhooks signature).
                  </p>
                </div>
              ),
            },
            { id: "curl", label: "cURL", content: <CodeBlock label="curl command">{curl}</CodeBlock> },
          ]}
        />
        {notes.length > 0 && (
          <ul aria-label="Delivery notes" className="mt-3 list-disc space-y-1 pl-4 text-xs text-slate-500">
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
