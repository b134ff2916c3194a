"use client";

import { cn } from "@/components/ui/cn";
import { HEALTH_RANGES, type HealthRange } from "@/server/health/schemas";
import { RANGE_LABELS } from "./format-health";

/** 24 h / 7 days segmented control. */
export function RangeToggle({ value, onChange }: { value: HealthRange; onChange: (range: HealthRange) => void }) {
  return (
    <div role="radiogroup" aria-label="Time range" className="inline-flex rounded-md bg-slate-100 p-0.5 text-sm">
      {HEALTH_RANGES.map((r) => (
        <button
          key={r}
          type="button"
          role="radio"
          aria-checked={value === r}
          onClick={() => onChange(r)}
          className={cn(
            "rounded px-3 py-1 font-medium",
            value === r ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
          )}
        >
          {RANGE_LABELS[r]}
        </button>
      ))}
    </div>
  );
}
