import type { Config } from "tailwindcss";

// Loaded from app/globals.css with `@config`; Tailwind v4 reads theme extensions from here.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        // CSS variables, so a reseller's customers see the reseller's colour (brandStyle in
        // components/shell/brand-style.ts); Hookline's blue otherwise.
        brand: {
          50: "var(--brand-50, #eef6ff)",
          100: "var(--brand-100, #d9eaff)",
          500: "var(--brand-500, #2f6fed)",
          600: "var(--brand-600, #1f5ad6)",
          700: "var(--brand-700, #1a47a8)",
        },
      },
    },
  },
};

export default config;
