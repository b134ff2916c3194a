import { openDb } from "@/db/client";
import { migratePostgres } from "@/db/migrate";
import { EnvError, parseDatabaseEnv } from "@/server/env";
import { isPooledUrl } from "@/db/connection-options";

/**
 * `npm run db:migrate`: the deploy step that applies migrations (on Vercel, part of the build).
 * Postgres: over DATABASE_URL_UNPOOLED (else DATABASE_URL), under an advisory lock, so concurrent
 * runs are safe. PGlite: in PGLITE_DIR (stop the server first: one process owns the directory).
 * Needs only the database variables, not the app's secrets.
 */
async function main() {
  const env = parseDatabaseEnv(process.env);
  const url = env.DATABASE_URL_UNPOOLED ?? env.DATABASE_URL;
  if (!url) {
    const handle = await openDb({ pgliteDir: env.PGLITE_DIR });
    await handle.close();
    console.log(`[hookline] Migrations applied (PGlite: ${env.PGLITE_DIR}).`);
    return;
  }
  if (!env.DATABASE_URL_UNPOOLED && (env.DATABASE_POOLED ?? isPooledUrl(url)))
    throw new EnvError(
      "DATABASE_URL_UNPOOLED: is required when DATABASE_URL goes through a pooler: migrations hold a session-level advisory lock and need a direct connection",
    );
  const started = Date.now();
  const status = await migratePostgres(url);
  console.log(
    `[hookline] Migrations current on ${new URL(url).host}: ${status.applied} applied, ${status.pending.length} pending (${Date.now() - started} ms).`,
  );
}

main().catch((err) => {
  console.error(`[hookline] db:migrate failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
