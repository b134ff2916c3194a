"use client";

import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs } from "@/components/ui/tabs";
import { CodeBlock, HeaderList, prettyBody } from "./code-block";
import { ERROR_CLASS_LABELS, formatMs, statusLine } from "./labels";

export type WebhookTestResult = {
  ok: boolean;
  status: number | null;
  durationMs: number;
  responseHeaders: Record<string, string>;
  responseBody: string;
  errorClass: string | null;
  errorMessage: string | null;
  hint: string | null;
  request: { method: string; url: string; headers: Record<string, string>; body: string | null };
  curl: string;
};

/** "Webhook Test Response": what the endpoint answered to the sample event, or why it failed. */
export function TestResultPanel({
  result,
  pending,
  error,
}: {
  result: WebhookTestResult | null;
  pending?: boolean;
  error?: string | null;
}) {
  return (
    <section
      aria-labelledby="test-response-heading"
      aria-busy={pending || undefined}
      className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h3 id="test-response-heading" className="text-sm font-semibold text-slate-900">
        Webhook Test Response
      </h3>
      <div aria-live="polite" className="mt-3">
        {pending ? (
          <div className="space-y-2">
            <p className="text-sm text-slate-500">Sending a sample event…</p>
            <Skeleton className="h-6 w-40" />
            <Skeleton className="h-24 w-full" />
          </div>
        ) : error ? (
          <Alert tone="error" title="The test could not be sent">
            {error}
          </Alert>
        ) : result ? (
          <TestResultBody result={result} />
        ) : (
          <p className="text-sm text-slate-500">
            Send a test to see your server&apos;s status code, headers and body here.
          </p>
        )}
      </div>
    </section>
  );
}

function TestResultBody({ result }: { result: WebhookTestResult }) {
  const contentType = Object.entries(result.responseHeaders).find(([k]) => k.toLowerCase() === "content-type")?.[1];
  const headline =
    result.status !== null ? statusLine(result.status) : (ERROR_CLASS_LABELS[result.errorClass ?? ""] ?? "Failed");
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Badge tone={result.ok ? "green" : "red"} dot>
          {result.ok ? "Succeeded" : "Failed"}
        </Badge>
        <span
          data-testid="test-status"
          className={
            result.ok
              ? "font-mono text-lg font-semibold text-emerald-700"
              : "font-mono text-lg font-semibold text-red-700"
          }
        >
          {headline}
        </span>
        <span className="text-sm text-slate-500">in {formatMs(result.durationMs)}</span>
      </div>
      {!result.ok && (
        <Alert
          tone={result.status !== null ? "warning" : "error"}
          title={result.errorMessage ? capitalize(result.errorMessage) : undefined}
        >
          {result.hint}
        </Alert>
      )}
      <Tabs
        label="Test response"
        tabs={[
          {
            id: "body",
            label: "Body",
            content: (
              <CodeBlock label="Response body content">{prettyBody(result.responseBody, contentType)}</CodeBlock>
            ),
          },
          {
            id: "headers",
            label: `Headers (${Object.keys(result.responseHeaders).length})`,
            content: <HeaderList headers={result.responseHeaders} />,
          },
          {
            id: "request",
            label: "Request sent",
            content: (
              <div className="space-y-2">
                <p className="break-all font-mono text-xs text-slate-800">
                  <span className="font-semibold">{result.request.method}</span> {result.request.url}
                </p>
                <HeaderList headers={result.request.headers} />
                {result.request.body !== null && (
                  <CodeBlock label="Request body sent">
                    {prettyBody(result.request.body, result.request.headers["content-type"])}
                  </CodeBlock>
                )}
                <CopyButton value={result.curl} label="Copy as curl" />
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}

function capitalize(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
