"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import { FormProvider, useForm, useWatch, type FieldErrors } from "react-hook-form";
import { applyServerIssues } from "@/components/auth/apply-server-issues";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import type { EndpointData, EndpointInput } from "./contract";
import { DeliverySettingsFields } from "./delivery-settings-fields";
import { endpointResolver } from "./endpoint-resolver";
import { EndpointBasicsFields, type WabaOption } from "./endpoint-basics-fields";
import { EventTypesField } from "./event-types-field";
import { KeyValueRows } from "./key-value-rows";
import { MessagingOptionsFields } from "./messaging-options-fields";
import { ParamMapFields } from "./param-map-fields";
import { RequestPreview } from "./request-preview";
import { TestResultPanel, type WebhookTestResult } from "./test-result-panel";

const ENDPOINT_FIELDS = [
  "product",
  "reportType",
  "method",
  "payloadFormat",
  "url",
  "description",
  "wabaNumber",
  "eventTypes",
  "paramMap",
  "customParams",
  "customHeaders",
  "rateLimitPerSecond",
  "timeoutMs",
  "orderedDelivery",
  "latestStatusOnly",
  "adaptiveThrottle",
] as const;

function countErrors(node: unknown): number {
  if (!node || typeof node !== "object") return 0;
  if (typeof (node as { message?: unknown }).message === "string" && "type" in node) return 1;
  return Object.entries(node).reduce((sum, [key, child]) => (key === "ref" ? sum : sum + countErrors(child)), 0);
}

type EndpointFormViewProps = {
  mode: "create" | "edit";
  defaultValues: EndpointInput;
  wabaNumbers: WabaOption[];
  onSubmit: (values: EndpointData) => Promise<void>;
  onTest: (values: EndpointData) => Promise<WebhookTestResult>;
  cancelHref?: string;
  /** Shown above the form, e.g. a notice that header values stay masked. */
  notice?: ReactNode;
};

/** The Add/Edit webhook form without any network: the caller passes save and test. */
export function EndpointFormView({
  mode,
  defaultValues,
  wabaNumbers,
  onSubmit,
  onTest,
  cancelHref = "/webhooks",
  notice,
}: EndpointFormViewProps) {
  const form = useForm<EndpointInput, unknown, EndpointData>({ resolver: endpointResolver, defaultValues });
  const [formError, setFormError] = useState<{ title: string; message: string } | null>(null);
  const [testing, setTesting] = useState(false);
  const [testResult, setTestResult] = useState<WebhookTestResult | null>(null);
  const [testError, setTestError] = useState<string | null>(null);
  const [showParams, setShowParams] = useState((defaultValues.customParams?.length ?? 0) > 0);
  const [showHeaders, setShowHeaders] = useState((defaultValues.customHeaders?.length ?? 0) > 0);
  const watched = useWatch({ control: form.control });
  const reportType = watched.reportType;
  const payloadFormat = watched.payloadFormat;

  const fail = (err: unknown) => {
    const message = applyServerIssues(err, form.setError, ENDPOINT_FIELDS);
    setFormError({
      title: mode === "create" ? "The webhook was not saved" : "Your changes were not saved",
      message: message ?? "Please fix the highlighted fields.",
    });
  };

  const invalid = (errors: FieldErrors<EndpointInput>) => {
    const n = countErrors(errors);
    setFormError({
      title: "Check the highlighted fields",
      message: `${n === 1 ? "One field needs" : `${n} fields need`} attention before this configuration can be used.`,
    });
  };

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit(values);
    } catch (err) {
      fail(err);
    }
  }, invalid);

  const test = form.handleSubmit(async (values) => {
    setFormError(null);
    setTesting(true);
    setTestResult(null);
    setTestError(null);
    try {
      setTestResult(await onTest(values));
    } catch (err) {
      const message = applyServerIssues(err, form.setError, ENDPOINT_FIELDS);
      setTestError(message ?? "Fix the highlighted fields, then test again.");
    } finally {
      setTesting(false);
    }
  }, invalid);

  const toggle = (name: "customParams" | "customHeaders", on: boolean) => {
    if (name === "customParams") setShowParams(on);
    else setShowHeaders(on);
    if (on && (form.getValues(name)?.length ?? 0) === 0) {
      form.setValue(name, name === "customParams" ? [{ key: "", value: "" }] : [{ name: "", value: "" }], {
        shouldDirty: true,
      });
    }
    if (!on) form.setValue(name, [], { shouldDirty: true });
  };

  return (
    <FormProvider {...form}>
      <form
        onSubmit={submit}
        noValidate
        aria-label={mode === "create" ? "Add webhook" : "Edit webhook"}
        className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]"
      >
        <div className="space-y-6">
          {notice}
          {formError && (
            <Alert tone="error" title={formError.title}>
              {formError.message}
            </Alert>
          )}
          <Card title="Endpoint" description="Where and how Hookline sends your reports.">
            <EndpointBasicsFields wabaNumbers={wabaNumbers} />
          </Card>
          <Card title="Events" description="Which events this endpoint receives, and their shape.">
            <EventTypesField />
          </Card>
          {reportType !== "mo" && (
            <Card title="Required Parameters" description="The parameter name your endpoint expects for each field.">
              {payloadFormat === "envelope" ? (
                <p className="text-sm text-slate-500">
                  The JSON envelope uses canonical field names. Choose “Flat, your parameter names” to rename fields.
                </p>
              ) : (
                <ParamMapFields />
              )}
            </Card>
          )}
          <Card title="Custom Parameters & Headers" description="Optional extra data sent with every request.">
            <div className="space-y-5">
              <div className="space-y-3">
                <Checkbox
                  label="Add Custom Parameters"
                  description="Key–value pairs sent alongside the report fields."
                  checked={showParams}
                  onChange={(e) => toggle("customParams", e.target.checked)}
                />
                {showParams && (
                  <KeyValueRows
                    name="customParams"
                    keyField="key"
                    keyLabel="Parameter name"
                    valueLabel="Parameter value"
                    keyPlaceholder="account"
                    valuePlaceholder="acme"
                  />
                )}
              </div>
              <div className="space-y-3 border-t border-slate-100 pt-5">
                <Checkbox
                  label="Add Custom Headers"
                  description="HTTP headers such as an authentication token. Values are encrypted at rest."
                  checked={showHeaders}
                  onChange={(e) => toggle("customHeaders", e.target.checked)}
                />
                {showHeaders && (
                  <KeyValueRows
                    name="customHeaders"
                    keyField="name"
                    keyLabel="Header name"
                    valueLabel="Header value"
                    keyPlaceholder="X-Api-Key"
                    valuePlaceholder="secret"
                  />
                )}
              </div>
            </div>
          </Card>
          <Card title="Delivery" description="Throttling, order, and how long Hookline waits for your server.">
            <div className="space-y-5">
              <DeliverySettingsFields />
              <MessagingOptionsFields />
            </div>
          </Card>
          <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-5">
            <Button type="submit" loading={form.formState.isSubmitting}>
              {mode === "create" ? "Save" : "Save Changes"}
            </Button>
            <Button variant="secondary" onClick={test} loading={testing}>
              Test Webhook
            </Button>
            <Link
              href={cancelHref}
              className="rounded-md px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900"
            >
              Cancel
            </Link>
          </div>
        </div>
        <aside className="space-y-4 lg:sticky lg:top-6 lg:self-start" aria-label="Preview and test">
          <RequestPreview
            config={{
              url: watched.url,
              method: watched.method,
              payloadFormat: watched.payloadFormat,
              paramMap: watched.paramMap,
              customParams: watched.customParams,
              customHeaders: watched.customHeaders,
              wabaNumber: watched.wabaNumber,
            }}
            eventTypes={(watched.eventTypes ?? []).filter((t) => typeof t === "string")}
            options={{
              orderedDelivery: watched.orderedDelivery ?? watched.reportType === "dlr",
              latestStatusOnly: watched.latestStatusOnly,
              adaptiveThrottle: watched.adaptiveThrottle,
              rateLimitPerSecond: watched.rateLimitPerSecond,
            }}
          />
          <TestResultPanel result={testResult} pending={testing} error={testError} />
        </aside>
      </form>
    </FormProvider>
  );
}
