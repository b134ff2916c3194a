import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// The delivery, REST and Inngest integration suites, and ingestion's guarded insert, through
// PgBouncer in transaction mode (the pooler of Neon, Supabase and most managed Postgres):
// TEST_DATABASE_URL=postgres://… npx vitest run --config vitest.pgbouncer.config.ts.
// Needs the pgbouncer binary (apt-get install -y pgbouncer).
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      "tests/integration/delivery/**/*.test.ts",
      "tests/integration/rest/**/*.test.ts",
      "tests/integration/inngest/**/*.test.ts",
      // Ingestion's guarded insert, unprepared as through a pooler.
      "tests/integration/events/subscriber-cache.test.ts",
    ],
    globalSetup: ["./tests/database-template.ts", "./tests/pgbouncer-setup.ts"],
  },
});
