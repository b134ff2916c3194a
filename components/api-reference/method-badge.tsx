import { cn } from "@/components/ui/cn";

const TONES: Record<string, string> = {
  get: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  post: "bg-brand-50 text-brand-700 ring-brand-600/20",
  patch: "bg-amber-50 text-amber-800 ring-amber-600/20",
  put: "bg-amber-50 text-amber-800 ring-amber-600/20",
  delete: "bg-red-50 text-red-700 ring-red-600/20",
};

/** GET / POST / PATCH / DELETE as a fixed-width monospace badge. */
export function MethodBadge({ method }: { method: string }) {
  return (
    <span
      className={cn(
        "inline-flex w-16 shrink-0 justify-center rounded px-1.5 py-0.5 font-mono text-xs font-semibold uppercase ring-1 ring-inset",
        TONES[method] ?? TONES.get,
      )}
    >
      {method.toUpperCase()}
    </span>
  );
}
