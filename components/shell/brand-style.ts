import type { CSSProperties } from "react";

/**
 * The brand-* colour scale from one colour (a reseller's primary colour): lighter tints for
 * backgrounds, darker shades for text, mixed by the browser. Set on an element, every brand-*
 * utility inside it takes the colour (tailwind.config.ts reads these variables).
 */
export function brandStyle(color: string): CSSProperties {
  return {
    "--brand-50": `color-mix(in srgb, ${color} 8%, white)`,
    "--brand-100": `color-mix(in srgb, ${color} 16%, white)`,
    "--brand-500": color,
    "--brand-600": `color-mix(in srgb, ${color} 88%, black)`,
    "--brand-700": `color-mix(in srgb, ${color} 72%, black)`,
  } as CSSProperties;
}
