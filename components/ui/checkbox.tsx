import { forwardRef, useId, type InputHTMLAttributes, type ReactNode } from "react";
import { cn } from "./cn";

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & {
  label: ReactNode;
  description?: ReactNode;
};

export const Checkbox = forwardRef<HTMLInputElement, CheckboxProps>(function Checkbox(
  { label, description, id, className, ...props },
  ref,
) {
  const auto = useId();
  const fieldId = id ?? auto;
  return (
    <div className={cn("flex items-start gap-2.5", className)}>
      <input
        ref={ref}
        id={fieldId}
        type="checkbox"
        aria-describedby={description ? `${fieldId}-desc` : undefined}
        className="mt-0.5 size-4 shrink-0 rounded border-slate-300 accent-brand-600"
        {...props}
      />
      <div className="text-sm leading-5">
        <label htmlFor={fieldId} className="font-medium text-slate-800">
          {label}
        </label>
        {description && (
          <p id={`${fieldId}-desc`} className="text-xs text-slate-500">
            {description}
          </p>
        )}
      </div>
    </div>
  );
});
