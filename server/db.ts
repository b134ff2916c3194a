import { openDb, type Db, type DbHandle } from "@/db/client";
import { getEnv } from "@/server/env";

// Kept on globalThis so Next's dev reloads reuse one connection (and one PGlite instance per dir).
const g = globalThis as unknown as { __hooklineDb?: Promise<DbHandle> };

/**
 * The app's database (DATABASE_URL, else PGlite in PGLITE_DIR), opened once per process. The
 * Postgres pool connects lazily, so a database that is down at start-up fails only the requests
 * made meanwhile; production never migrates here (`npm run db:migrate` is a deploy step). A
 * failed open is forgotten, so the next caller tries again.
 */
export function getDbHandle(): Promise<DbHandle> {
  if (!g.__hooklineDb) {
    const env = getEnv();
    g.__hooklineDb = openDb({
      url: env.DATABASE_URL,
      pgliteDir: env.PGLITE_DIR,
      migrate: env.migrateOnOpen,
      pooled: env.DATABASE_POOLED,
      max: env.DATABASE_POOL_MAX,
      migrationUrl: env.DATABASE_URL_UNPOOLED,
    }).catch((err) => {
      g.__hooklineDb = undefined;
      throw err;
    });
  }
  return g.__hooklineDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}
