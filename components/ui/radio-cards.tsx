import { forwardRef, useId, type InputHTMLAttributes, type ReactNode } from "react";
import { cn } from "./cn";

export type RadioCardOption = { value: string; label: ReactNode; description?: ReactNode; disabled?: boolean };

type RadioCardsProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "value"> & {
  legend: ReactNode;
  options: RadioCardOption[];
  error?: string;
  hint?: ReactNode;
  columns?: 2 | 3 | 4;
};

/**
 * A radio group drawn as selectable cards. Spread react-hook-form's `register(name)` into it:
 * every radio gets the same name, handlers and ref (RHF registers radio groups that way).
 */
export const RadioCards = forwardRef<HTMLInputElement, RadioCardsProps>(function RadioCards(
  { legend, options, error, hint, columns = 2, className, ...input },
  ref,
) {
  const id = useId();
  return (
    <fieldset className={className} aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}>
      <legend className="block text-sm font-medium text-slate-700">{legend}</legend>
      <div
        className={cn(
          "mt-1.5 grid gap-2",
          columns === 4 ? "grid-cols-2 sm:grid-cols-4" : columns === 3 ? "sm:grid-cols-3" : "sm:grid-cols-2",
        )}
      >
        {options.map((o) => (
          <label
            key={o.value}
            className={cn(
              "relative flex cursor-pointer gap-2.5 rounded-md bg-white px-3 py-2.5 text-sm shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50",
              "has-[:checked]:bg-brand-50 has-[:checked]:ring-2 has-[:checked]:ring-brand-500",
              "has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-500",
              o.disabled && "cursor-not-allowed opacity-50",
            )}
          >
            <input
              ref={ref}
              type="radio"
              value={o.value}
              disabled={o.disabled}
              className="mt-0.5 size-4 shrink-0 accent-brand-600 focus:outline-none"
              {...input}
            />
            <span className="min-w-0">
              <span className="block font-medium text-slate-900">{o.label}</span>
              {o.description && <span className="block text-xs text-slate-500">{o.description}</span>}
            </span>
          </label>
        ))}
      </div>
      {hint && !error && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs font-medium text-red-600">
          {error}
        </p>
      )}
    </fieldset>
  );
});
