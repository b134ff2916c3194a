import { startPgBouncer, type PgBouncer } from "./helpers/pgbouncer";

let bouncer: PgBouncer | undefined;

/**
 * Global setup of the PgBouncer pass (vitest.pgbouncer.config.ts): PgBouncer in transaction mode
 * in front of TEST_DATABASE_URL's server; createTestDb then migrates each test database directly
 * and gives the tests a pool through PgBouncer (TEST_DATABASE_POOLER_URL).
 */
export default async function setup() {
  const upstream = process.env.TEST_DATABASE_URL;
  if (!upstream) throw new Error("The PgBouncer pass needs TEST_DATABASE_URL (the Postgres server behind it).");
  bouncer = await startPgBouncer(upstream);
  process.env.TEST_DATABASE_POOLER_URL = bouncer.url("postgres");
  console.log(`[pgbouncer] transaction mode on 127.0.0.1:${bouncer.port} in front of ${new URL(upstream).host}`);
  return async () => {
    await bouncer?.stop();
  };
}
