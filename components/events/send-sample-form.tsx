"use client";

import Link from "next/link";
import { useId, useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { TextareaField } from "@/components/ui/textarea";
import {
  noReceiverReason,
  parseSample,
  receiversFor,
  serverIssues,
  type SampleEndpoint,
  type SampleType,
} from "./send-sample-logic";

type Props = {
  types: SampleType[];
  endpoints: SampleEndpoint[];
  /** Sends the event; a rejection with `data.issues` (tRPC) shows them next to the fields. */
  onSubmit: (input: { type: string; data: Record<string, unknown> }) => Promise<unknown>;
  onCancel: () => void;
};

/** Pick a type, edit its sample JSON, see who will receive it, send it through real ingestion. */
export function SendSampleForm({ types, endpoints, onSubmit, onCancel }: Props) {
  const formId = useId();
  const [type, setType] = useState(types[0]?.type ?? "");
  const sampleText = (t: string) => JSON.stringify(types.find((x) => x.type === t)?.sample ?? {}, null, 2);
  const [text, setText] = useState(() => sampleText(types[0]?.type ?? ""));
  const [errors, setErrors] = useState<{ type?: string; data?: string[]; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const parsed = parseSample(text);
  const receivers = receiversFor(endpoints, type, parsed.ok ? parsed.data : null);
  const current = types.find((t) => t.type === type);
  const noReason = noReceiverReason(endpoints, type, parsed.ok ? parsed.data : null);

  const changeType = (next: string) => {
    setType(next);
    setText(sampleText(next));
    setErrors({});
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!parsed.ok) return setErrors({ data: [parsed.error] });
    setErrors({});
    setBusy(true);
    try {
      await onSubmit({ type, data: parsed.data });
    } catch (err) {
      setErrors(serverIssues(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form id={formId} onSubmit={submit} noValidate className="space-y-4">
      <SelectField
        label="Event type"
        value={type}
        error={errors.type}
        onChange={(e) => changeType(e.target.value)}
        hint={current?.description}
      >
        {types.map((t) => (
          <option key={t.type} value={t.type}>
            {t.label} ({t.type})
          </option>
        ))}
      </SelectField>
      <div>
        <TextareaField
          label="Payload (data)"
          rows={14}
          spellCheck={false}
          className="font-mono text-xs"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (errors.data) setErrors({ ...errors, data: undefined });
          }}
          error={
            errors.data &&
            (errors.data.length === 1 ? errors.data[0] : `${errors.data.length} problems — ${errors.data.join("; ")}`)
          }
          hint="The catalog sample for this type; edit any field. It is validated exactly like events from your platform."
        />
        <button
          type="button"
          className="mt-1 text-xs font-medium text-brand-700 hover:underline"
          onClick={() => changeType(type)}
        >
          Reset to sample
        </button>
      </div>
      <section
        aria-label="Receiving endpoints"
        className="rounded-md bg-slate-50 p-3 text-sm ring-1 ring-inset ring-slate-200"
      >
        {receivers.length ? (
          <>
            <p className="font-medium text-slate-800">
              Will be delivered to {receivers.length === 1 ? "1 endpoint" : `${receivers.length} endpoints`}:
            </p>
            <ul className="mt-1 space-y-1">
              {receivers.map((ep) => (
                <li key={ep.id} className="flex flex-wrap items-center gap-2">
                  <span className="break-all font-mono text-xs text-slate-700">{ep.url}</span>
                  {ep.status === "paused" && <Badge tone="warning">Paused — waits until resumed</Badge>}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="text-slate-600" data-testid="no-receivers">
            {noReason.text}{" "}
            {noReason.kind === "none" && (
              <Link href="/webhooks/new" className="font-medium text-brand-700 hover:underline">
                Add a webhook
              </Link>
            )}
          </p>
        )}
      </section>
      {errors.form && (
        <p
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm font-medium text-red-700 ring-1 ring-inset ring-red-200"
        >
          {errors.form}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" loading={busy} disabled={!type}>
          Send event
        </Button>
      </div>
    </form>
  );
}
