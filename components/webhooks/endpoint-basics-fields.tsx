"use client";

import Link from "next/link";
import { useFormContext, useWatch } from "react-hook-form";
import { InputField, SelectField } from "@/components/ui/field";
import { TextareaField } from "@/components/ui/textarea";
import { suggestHttps } from "@/lib/phone-and-url";
import { defaultEventTypes, defaultParamMap, paramFieldsFor, type EndpointInput } from "./contract";

export type WabaOption = { id: string; number: string; label: string | null };

type Product = "sms" | "whatsapp";

const SEND_METHOD_OPTIONS = {
  POST: "POST (form-urlencoded)",
  GET: "GET (query string)",
  JSON: "JSON (POST application/json)",
  XML: "XML (POST application/xml)",
} as const;
type ReportType = "dlr" | "mo";

/** Product, send method, report type, WABA number, URL and description. */
export function EndpointBasicsFields({ wabaNumbers }: { wabaNumbers: WabaOption[] }) {
  const {
    register,
    control,
    getValues,
    setValue,
    formState: { errors },
  } = useFormContext<EndpointInput>();
  const product = useWatch({ control, name: "product" }) as Product;
  const httpsSuggestion = suggestHttps(useWatch({ control, name: "url" }) ?? "");

  // Product and report type decide the event types and the parameter map: keep what the user
  // typed for fields that still exist, fill defaults for new ones.
  const reconfigure = (nextProduct: Product, nextReport: ReportType) => {
    const current = getValues("paramMap") ?? {};
    const defaults = defaultParamMap(nextProduct, nextReport);
    const paramMap = Object.fromEntries(
      paramFieldsFor(nextProduct, nextReport).map((f) => [
        f.field,
        current[f.field] ?? defaults[f.field] ?? f.defaultName,
      ]),
    );
    setValue("paramMap", paramMap, { shouldDirty: true });
    setValue("eventTypes", [...defaultEventTypes(nextProduct, nextReport)], {
      shouldDirty: true,
      shouldValidate: false,
    });
  };

  const productField = register("product", {
    onChange: (e: { target: { value: string } }) => {
      const next = e.target.value as Product;
      let report = getValues("reportType") as ReportType;
      if (next === "sms") {
        setValue("wabaNumber", null, { shouldDirty: true });
        if (report === "mo") {
          report = "dlr";
          setValue("reportType", "dlr", { shouldDirty: true });
        }
      }
      reconfigure(next, report);
    },
  });
  const reportField = register("reportType", {
    onChange: (e: { target: { value: string } }) =>
      reconfigure(getValues("product") as Product, e.target.value as ReportType),
  });

  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Product" error={errors.product?.message} {...productField}>
          <option value="sms">SMS</option>
          <option value="whatsapp">WhatsApp</option>
        </SelectField>
        <SelectField
          label="Webhook Report Type"
          error={errors.reportType?.message}
          hint={product === "sms" ? "MO is available for WhatsApp only." : undefined}
          {...reportField}
        >
          <option value="dlr">DLR (delivery reports)</option>
          {product === "whatsapp" && <option value="mo">MO (inbound messages)</option>}
        </SelectField>
        <SelectField label="Webhook Server Send Method" error={errors.method?.message} {...register("method")}>
          {(["POST", "GET", "JSON", "XML"] as const).map((m) => (
            <option key={m} value={m}>
              {SEND_METHOD_OPTIONS[m]}
            </option>
          ))}
        </SelectField>
        {product === "whatsapp" && (
          <SelectField
            label="Waba Number"
            error={errors.wabaNumber?.message}
            hint={
              wabaNumbers.length === 0 ? (
                <>
                  No WABA numbers yet.{" "}
                  <Link href="/settings" className="font-medium text-brand-600 hover:underline">
                    Add one in Settings
                  </Link>
                  .
                </>
              ) : (
                <>
                  Manage numbers in{" "}
                  <Link href="/settings" className="font-medium text-brand-600 hover:underline">
                    Settings
                  </Link>
                  .
                </>
              )
            }
            {...register("wabaNumber", { setValueAs: (v: string | null) => (v ? v : null) })}
          >
            <option value="">Choose a WABA number…</option>
            {wabaNumbers.map((w) => (
              <option key={w.id} value={w.number}>
                {w.label ? `${w.number} — ${w.label}` : w.number}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <InputField
        label="Webhook (URL Endpoint)"
        type="url"
        inputMode="url"
        placeholder="https://example.com/webhooks/dlr"
        autoComplete="off"
        spellCheck={false}
        error={errors.url?.message}
        {...register("url")}
      />
      {httpsSuggestion && (
        <button
          type="button"
          className="-mt-2 text-xs font-medium text-brand-700 hover:underline"
          onClick={() => setValue("url", httpsSuggestion, { shouldDirty: true, shouldValidate: true })}
        >
          Use {httpsSuggestion}
        </button>
      )}
      <TextareaField
        label="Description"
        placeholder="Optional: what this endpoint is for"
        error={errors.description?.message}
        {...register("description")}
      />
    </div>
  );
}
