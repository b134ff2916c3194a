import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    // Timing tests run alone, after this parallel run: see vitest.timing.config.ts.
    exclude: ["node_modules/**", ".next/**", "tests/e2e/**", "**/*.timing.test.ts"],
    environment: "node",
    setupFiles: ["./tests/setup.ts"],
    globalSetup: ["./tests/database-template.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest's default is one file per core but one, so one at a time on two cores; the suites
    // mostly wait (on receivers, PGlite's thread, Postgres), and two at once took 500 → 360 s here.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // PGLITE_DIR: anything that opens the app's own database (a route handler) keeps it in memory.
    env: { NODE_ENV: "test", INNGEST_DEV: "1", DELIVERY_RUNNER: "local", PGLITE_DIR: "memory://" },
  },
});
