"use client";

import { Controller, useFormContext, useWatch } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import type { EndpointInput } from "./contract";

/** Ordered per message, latest status only, adaptive throttling: one line each on what it does. */
export function MessagingOptionsFields() {
  const { control, formState, setValue } = useFormContext<EndpointInput>();
  const reportType = useWatch({ control, name: "reportType" });
  const ordered = useWatch({ control, name: "orderedDelivery" }) ?? reportType === "dlr";
  const latestError = formState.errors.latestStatusOnly?.message;
  return (
    <div className="space-y-3 border-t border-slate-100 pt-5">
      <Controller
        control={control}
        name="orderedDelivery"
        render={({ field }) => (
          <Checkbox
            label="Ordered per message"
            description="Reports for the same message arrive in the order they happened; other messages never wait."
            name={field.name}
            ref={field.ref}
            onBlur={field.onBlur}
            checked={field.value ?? reportType === "dlr"}
            onChange={(e) => {
              field.onChange(e.target.checked);
              // Latest status only works on each message's queue.
              if (!e.target.checked) setValue("latestStatusOnly", false, { shouldDirty: true });
            }}
          />
        )}
      />
      {reportType === "dlr" && (
        <Controller
          control={control}
          name="latestStatusOnly"
          render={({ field }) => (
            <div>
              <Checkbox
                label="Latest status only during a backlog"
                description="When several reports for one message are waiting, send only the most advanced (e.g. read, not submitted and delivered)."
                name={field.name}
                ref={field.ref}
                onBlur={field.onBlur}
                disabled={!ordered}
                checked={!!field.value && ordered}
                onChange={(e) => field.onChange(e.target.checked)}
              />
              {latestError && (
                <p role="alert" className="ml-6 mt-1 text-xs text-red-600">
                  {latestError}
                </p>
              )}
            </div>
          )}
        />
      )}
      <Controller
        control={control}
        name="adaptiveThrottle"
        render={({ field }) => (
          <Checkbox
            label="Adaptive throttling"
            description="Slow down when your server answers 429/503 or responds unusually slowly, and speed up again as it recovers."
            name={field.name}
            ref={field.ref}
            onBlur={field.onBlur}
            checked={field.value ?? true}
            onChange={(e) => field.onChange(e.target.checked)}
          />
        )}
      />
    </div>
  );
}
