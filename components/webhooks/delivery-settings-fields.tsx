"use client";

import { Controller, useFormContext } from "react-hook-form";
import { InputField } from "@/components/ui/field";
import type { EndpointInput } from "./contract";

function toNumber(raw: string): number | null {
  if (raw.trim() === "") return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : NaN;
}

/** Rate limit (requests per second, empty = unlimited) and timeout (seconds, 1–30). */
export function DeliverySettingsFields() {
  const { control } = useFormContext<EndpointInput>();
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Controller
        control={control}
        name="rateLimitPerSecond"
        render={({ field, fieldState }) => (
          <InputField
            label="Rate limit (requests per second)"
            type="number"
            inputMode="numeric"
            min={1}
            placeholder="Unlimited"
            hint="Leave empty for no limit. Extra requests wait; none are dropped."
            error={fieldState.error?.message}
            name={field.name}
            ref={field.ref}
            onBlur={field.onBlur}
            value={
              field.value === null || field.value === undefined || Number.isNaN(field.value) ? "" : String(field.value)
            }
            onChange={(e) => field.onChange(toNumber(e.target.value))}
          />
        )}
      />
      <Controller
        control={control}
        name="timeoutMs"
        render={({ field, fieldState }) => (
          <InputField
            label="Timeout (seconds)"
            type="number"
            inputMode="numeric"
            min={1}
            max={30}
            hint="1 to 30 seconds; default 5."
            error={fieldState.error?.message}
            name={field.name}
            ref={field.ref}
            onBlur={field.onBlur}
            value={typeof field.value === "number" && Number.isFinite(field.value) ? String(field.value / 1000) : ""}
            onChange={(e) => {
              const n = toNumber(e.target.value);
              // Empty means the default (5 s).
              field.onChange(n === null ? undefined : Math.round(n * 1000));
            }}
          />
        )}
      />
    </div>
  );
}
