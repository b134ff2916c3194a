"use client";

import { useFieldArray, useFormContext, type FieldErrors, type Path } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import type { EndpointInput } from "./contract";

type Props = {
  name: "customParams" | "customHeaders";
  keyField: "key" | "name";
  keyLabel: string;
  valueLabel: string;
  keyPlaceholder?: string;
  valuePlaceholder?: string;
  max?: number;
};

type RowErrors = { [k: string]: { message?: string } | undefined } | undefined;

/** Add More / Remove rows of name–value pairs (custom parameters, custom headers). */
export function KeyValueRows({
  name,
  keyField,
  keyLabel,
  valueLabel,
  keyPlaceholder,
  valuePlaceholder,
  max = 20,
}: Props) {
  const { control, register, formState } = useFormContext<EndpointInput>();
  const { fields, append, remove } = useFieldArray({ control, name: name as "customParams" });
  const errors = formState.errors as FieldErrors<EndpointInput>;
  const listErrors = errors[name] as (RowErrors[] & { message?: string; root?: { message?: string } }) | undefined;
  const listMessage = listErrors?.message ?? listErrors?.root?.message;
  return (
    <div className="space-y-3">
      {fields.map((field, index) => {
        const rowErrors = listErrors?.[index];
        return (
          <div key={field.id} className="grid grid-cols-[1fr_1fr_auto] items-start gap-3" data-testid={`${name}-row`}>
            <InputField
              label={`${keyLabel} ${index + 1}`}
              placeholder={keyPlaceholder}
              autoComplete="off"
              error={rowErrors?.[keyField]?.message}
              {...register(`${name}.${index}.${keyField}` as Path<EndpointInput>)}
            />
            <InputField
              label={`${valueLabel} ${index + 1}`}
              placeholder={valuePlaceholder}
              autoComplete="off"
              error={rowErrors?.value?.message}
              {...register(`${name}.${index}.value` as Path<EndpointInput>)}
            />
            <Button
              variant="ghost"
              size="sm"
              className="mt-6"
              aria-label={`Remove ${name === "customHeaders" ? "header" : "parameter"} ${index + 1}`}
              onClick={() => remove(index)}
            >
              Remove
            </Button>
          </div>
        );
      })}
      {listMessage && (
        <p role="alert" className="text-xs font-medium text-red-600">
          {listMessage}
        </p>
      )}
      <Button
        variant="secondary"
        size="sm"
        disabled={fields.length >= max}
        onClick={() => append({ [keyField]: "", value: "" } as never)}
      >
        + Add More
      </Button>
    </div>
  );
}
