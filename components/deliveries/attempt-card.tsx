"use client";

import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { Tabs } from "@/components/ui/tabs";
import { CodeBlock, HeaderList, prettyBody } from "@/components/webhooks/code-block";
import { formatDateTime, formatMs } from "@/components/webhooks/labels";
import type { RecordedRequest } from "@/server/delivery/types";
import { toCurl } from "@/server/delivery/render/to-curl";
import { HttpCode } from "./delivery-status-badge";
import { describeAttemptError } from "./error-hints";

/** One logged attempt, as `deliveries.get` returns it in `attemptLog`. */
export type AttemptView = {
  id: string;
  attemptNumber: number;
  trigger: "scheduled" | "manual" | "test";
  request: RecordedRequest;
  responseStatus: number | null;
  responseHeaders: Record<string, string> | null;
  responseBody: string | null;
  durationMs: number;
  errorClass: string | null;
  errorMessage: string | null;
  createdAt: Date | string;
};

const TRIGGER_LABELS: Record<string, string> = { scheduled: "Scheduled", manual: "Manual retry", test: "Test" };

const header = (headers: Record<string, string> | null, name: string) =>
  Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1];

/** "500 Internal Server Error from your server" under the title "HTTP 500 Internal Server Error" says nothing new. */
const repeats = (message: string, label: string) => {
  const code = /\b(\d{3})\b/.exec(label)?.[1];
  return code !== undefined && message.startsWith(code);
};

/** What was sent (secrets already redacted when recorded), what came back, and why it failed. */
export function AttemptCard({ attempt }: { attempt: AttemptView }) {
  const error = describeAttemptError(attempt);
  const req = attempt.request;
  const responseHeaders = attempt.responseHeaders ?? {};
  return (
    <article
      aria-label={`Attempt ${attempt.attemptNumber}`}
      data-testid="attempt"
      className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h4 className="text-sm font-semibold text-slate-900">Attempt {attempt.attemptNumber}</h4>
        <Badge tone={attempt.trigger === "manual" ? "info" : "neutral"}>
          {TRIGGER_LABELS[attempt.trigger] ?? attempt.trigger}
        </Badge>
        <span className="text-sm text-slate-500">{formatDateTime(attempt.createdAt)}</span>
        <span className="ml-auto flex items-center gap-3 text-sm">
          <HttpCode status={attempt.responseStatus} />
          <span className="text-slate-500">{formatMs(attempt.durationMs)}</span>
        </span>
      </header>
      {error && (
        <Alert tone={attempt.responseStatus !== null ? "warning" : "error"} title={error.label} className="mt-3">
          {attempt.errorMessage && !repeats(attempt.errorMessage, error.label) && (
            <p className="font-mono text-xs">{attempt.errorMessage}</p>
          )}
          <p className="mt-1">{error.hint}</p>
        </Alert>
      )}
      <Tabs
        className="mt-3"
        label={`Attempt ${attempt.attemptNumber} details`}
        tabs={[
          {
            id: "response",
            label: "Response",
            content:
              attempt.responseStatus === null ? (
                <p className="text-sm text-slate-500">No response: the request did not get an answer.</p>
              ) : (
                <div className="space-y-2">
                  <CodeBlock label="Response body excerpt">
                    {prettyBody(attempt.responseBody, header(responseHeaders, "content-type"))}
                  </CodeBlock>
                  <HeaderList headers={responseHeaders} />
                </div>
              ),
          },
          {
            id: "request",
            label: "Request sent",
            content: (
              <div className="space-y-2">
                <p className="break-all font-mono text-xs text-slate-800" data-testid="attempt-request-line">
                  <span className="font-semibold">{req.method}</span> {req.url}
                </p>
                <HeaderList headers={req.headers} />
                {req.body !== null && (
                  <CodeBlock label="Request body sent">
                    {prettyBody(req.body, header(req.headers, "content-type"))}
                  </CodeBlock>
                )}
                <div className="flex flex-wrap gap-2">
                  <CopyButton value={req.url} label="Copy URL" />
                  {req.body !== null && <CopyButton value={req.body} label="Copy body" />}
                  <CopyButton
                    value={() => toCurl({ ...req, method: req.method === "GET" ? "GET" : "POST" })}
                    label="Copy as curl"
                  />
                </div>
                <p className="text-xs text-slate-500">
                  Secret header values are shown as •••••• exactly as recorded; put your own back in before running the
                  curl command.
                </p>
              </div>
            ),
          },
        ]}
      />
    </article>
  );
}
