import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", "db/migrations/**", "next-env.d.ts", "bench/results/**"] },
];

export default config;
