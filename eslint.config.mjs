import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier";
import { layerZones } from "./eslint.layers.mjs";

const config = [
  ...next,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The layer rules (docs/architecture.md): a blocked import means the code is in the wrong room.
    files: ["app/**", "components/**", "server/**", "db/**", "lib/**", "scripts/**"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: { "import/no-restricted-paths": ["error", { zones: layerZones }] },
  },
  prettier,
  { ignores: [".next/**", ".scratch/**", "node_modules/**", "db/migrations/**", "next-env.d.ts", "bench/results/**"] },
];

export default config;
