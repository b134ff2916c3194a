import type { ReactNode } from "react";
import { cn } from "./cn";

const TONES = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-500/20",
  success: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  warning: "bg-amber-50 text-amber-800 ring-amber-600/20",
  danger: "bg-red-50 text-red-700 ring-red-600/20",
  info: "bg-brand-50 text-brand-700 ring-brand-600/20",
};
const ALIASES = {
  slate: "neutral",
  green: "success",
  amber: "warning",
  red: "danger",
  blue: "info",
  sky: "info",
} as const;
const DOTS = {
  neutral: "bg-slate-400",
  success: "bg-emerald-500",
  warning: "bg-amber-500",
  danger: "bg-red-500",
  info: "bg-brand-500",
};

export type BadgeTone = keyof typeof TONES | keyof typeof ALIASES;

export function Badge({
  tone = "neutral",
  dot,
  children,
  className,
  title,
}: {
  tone?: BadgeTone;
  dot?: boolean;
  children: ReactNode;
  className?: string;
  title?: string;
}) {
  const key = tone in ALIASES ? ALIASES[tone as keyof typeof ALIASES] : (tone as keyof typeof TONES);
  return (
    <span
      title={title}
      className={cn(
        "inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
        TONES[key],
        className,
      )}
    >
      {dot && <span aria-hidden className={cn("size-1.5 rounded-full", DOTS[key])} />}
      {children}
    </span>
  );
}
