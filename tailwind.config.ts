import type { Config } from "tailwindcss";

// Loaded from app/globals.css with `@config`; Tailwind v4 reads theme extensions from here.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#eef6ff",
          100: "#d9eaff",
          500: "#2f6fed",
          600: "#1f5ad6",
          700: "#1a47a8",
        },
      },
    },
  },
};

export default config;
