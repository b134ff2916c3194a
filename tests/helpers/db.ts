import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDb, type DbHandle } from "@/db/client";

/**
 * A database of its own for one test file: PGlite in memory by default, or a fresh database
 * on the server named by TEST_DATABASE_URL (created here, dropped on close). With
 * TEST_DATABASE_POOLER_URL (the PgBouncer pass) the database is migrated directly and the
 * handle goes through that pooler, as on Neon or Supabase. Both start as copies of the run's
 * migrated template when there is one (tests/database-template.ts).
 */
export async function createTestDb(): Promise<DbHandle> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return openDb({ pgliteDir: "memory://", pgliteSeedFile: process.env.TEST_PGLITE_SEED_FILE });

  const name = `hookline_t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  const template = process.env.TEST_DATABASE_TEMPLATE;
  await admin.unsafe(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const pooler = process.env.TEST_DATABASE_POOLER_URL;
  let handle: DbHandle;
  if (pooler) {
    const pooled = new URL(pooler);
    pooled.pathname = `/${name}`;
    handle = await openDb({ url: pooled.toString(), pooled: true, migrationUrl: url.toString(), max: 10 });
  } else {
    handle = await openDb({ url: url.toString(), max: 10 });
  }
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = postgres(base, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
