import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// Tests that measure time (arrival spacing under a rate limit): one file at a time, nothing else
// running, so the machine's load from other test files cannot skew what they measure.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["**/*.timing.test.ts"],
    exclude: ["node_modules/**", ".next/**"],
    fileParallelism: false,
  },
});
