"use client";

import { useFormContext, useWatch, type FieldError } from "react-hook-form";
import { InputField } from "@/components/ui/field";
import { paramFieldsFor, type EndpointInput } from "./contract";

/** "Required Parameters": the customer's name for each canonical field (DLR only). */
export function ParamMapFields() {
  const {
    register,
    control,
    formState: { errors },
  } = useFormContext<EndpointInput>();
  const product = useWatch({ control, name: "product" }) as "sms" | "whatsapp";
  const reportType = useWatch({ control, name: "reportType" }) as "dlr" | "mo";
  const fields = paramFieldsFor(product, reportType);
  const mapErrors = errors.paramMap as
    (Record<string, FieldError | undefined> & { message?: string; root?: FieldError }) | undefined;
  if (fields.length === 0) return null;
  return (
    <div className="space-y-3">
      <div className="grid gap-4 sm:grid-cols-2">
        {fields.map((f) => (
          <InputField
            key={f.field}
            label={f.label}
            placeholder={f.defaultName}
            autoComplete="off"
            spellCheck={false}
            error={mapErrors?.[f.field]?.message}
            {...register(`paramMap.${f.field}` as "paramMap.x")}
          />
        ))}
      </div>
      {(mapErrors?.message ?? mapErrors?.root?.message) && (
        <p role="alert" className="text-xs font-medium text-red-600">
          {mapErrors?.message ?? mapErrors?.root?.message}
        </p>
      )}
    </div>
  );
}
