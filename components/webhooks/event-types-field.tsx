"use client";

import { Controller, useFormContext, useWatch } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { catalog, type EventType } from "@/server/events/catalog";
import { allowedEventTypes, type EndpointInput } from "./contract";
import { PAYLOAD_FORMAT_LABELS } from "./labels";

/** Event type checkboxes (allowed for the product + report type) and the payload format. */
export function EventTypesField() {
  const {
    register,
    control,
    formState: { errors },
  } = useFormContext<EndpointInput>();
  const product = useWatch({ control, name: "product" }) as "sms" | "whatsapp";
  const reportType = useWatch({ control, name: "reportType" }) as "dlr" | "mo";
  const allowed = allowedEventTypes(product, reportType) as EventType[];
  const typeErrors = errors.eventTypes as
    ({ message?: string; root?: { message?: string } } & ({ message?: string } | undefined)[]) | undefined;
  const error =
    typeErrors?.message ??
    typeErrors?.root?.message ??
    (Array.isArray(typeErrors) ? typeErrors.find((e) => e?.message)?.message : undefined);
  return (
    <div className="space-y-5">
      <fieldset aria-describedby={error ? "event-types-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">Event types</legend>
        <Controller
          control={control}
          name="eventTypes"
          render={({ field }) => {
            const selected = new Set<string>(field.value ?? []);
            return (
              <div className="mt-2 grid gap-3 sm:grid-cols-2">
                {allowed.map((type, i) => (
                  <Checkbox
                    key={type}
                    ref={i === 0 ? field.ref : undefined}
                    name={field.name}
                    value={type}
                    checked={selected.has(type)}
                    onBlur={field.onBlur}
                    onChange={(e) => {
                      const next = new Set(selected);
                      if (e.target.checked) next.add(type);
                      else next.delete(type);
                      field.onChange(allowed.filter((t) => next.has(t)));
                    }}
                    label={
                      <>
                        {catalog[type].label} <code className="ml-1 text-xs font-normal text-slate-500">{type}</code>
                      </>
                    }
                    description={catalog[type].description}
                  />
                ))}
              </div>
            );
          }}
        />
        {error && (
          <p id="event-types-error" role="alert" className="mt-1 text-xs font-medium text-red-600">
            {error}
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Payload format</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {(["mapped", "envelope"] as const).map((format) => (
            <label
              key={format}
              className="flex cursor-pointer items-start gap-2.5 rounded-md p-3 ring-1 ring-slate-200 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-500"
            >
              <input type="radio" value={format} className="mt-0.5 accent-brand-600" {...register("payloadFormat")} />
              <span className="text-sm">
                <span className="font-medium text-slate-800">{PAYLOAD_FORMAT_LABELS[format]}</span>
                <span className="block text-xs text-slate-500">
                  {format === "mapped"
                    ? "Top-level fields named as your server expects, SMS-gateway style."
                    : "Canonical field names under data, Svix/Stripe style."}
                </span>
              </span>
            </label>
          ))}
        </div>
        {errors.payloadFormat?.message && (
          <p role="alert" className="mt-1 text-xs font-medium text-red-600">
            {errors.payloadFormat.message}
          </p>
        )}
      </fieldset>
    </div>
  );
}
