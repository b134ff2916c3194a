import path from "node:path";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import journal from "./migrations/meta/_journal.json";
import { isPooledUrl, postgresOptions } from "./connection-options";

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** Held while migrating, so concurrent deploys or processes apply each migration once. */
const MIGRATION_LOCK_KEY = 7_360_112_012;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- either driver's database
type AnyPgDb = PgDatabase<PgQueryResultHKT & any, any>;

/**
 * Applies pending migrations on Postgres over one direct connection, holding a session-level
 * advisory lock: a second process waits for the first, then finds nothing left to apply (without
 * the lock, concurrent `CREATE SCHEMA … IF NOT EXISTS` and duplicate migrations fail). The URL
 * must not go through a transaction-mode pooler (the lock belongs to one server session).
 */
export async function migratePostgres(url: string): Promise<MigrationStatus> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const { url: cleaned, options } = postgresOptions(url, { pooled: isPooledUrl(url), max: 1 });
  const client = postgres(cleaned, options);
  try {
    await client.unsafe(`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    const db = drizzle(client);
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const status = await readMigrationStatus(db as unknown as AnyPgDb);
    await client.unsafe(`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    return status;
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** PGlite: one process owns the directory, so no lock is needed. */
export async function migratePglite(db: AnyPgDb): Promise<MigrationStatus> {
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  await migrate(db as any, { migrationsFolder: MIGRATIONS_FOLDER });
  return readMigrationStatus(db);
}

export type MigrationStatus = {
  /** Migrations recorded as applied in the database. */
  applied: number;
  /** Migrations this build ships (db/migrations/meta/_journal.json). */
  expected: number;
  /** Shipped migrations the database has not applied yet. */
  pending: string[];
  current: boolean;
};

/**
 * Compares the database with the migrations this build ships, the way drizzle's migrator decides
 * (by each migration's timestamp). Reads the journal bundled at build time, not the folder, so it
 * works where the migration files are not deployed (a serverless function).
 */
export async function readMigrationStatus(db: AnyPgDb): Promise<MigrationStatus> {
  let applied = 0;
  let last = 0;
  try {
    const result = (await db.execute(
      sql`select count(*)::int as n, coalesce(max(created_at), 0)::text as last from drizzle.__drizzle_migrations`,
    )) as unknown;
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
      n: number;
      last: string;
    }[];
    applied = Number(rows[0]?.n ?? 0);
    last = Number(rows[0]?.last ?? 0);
  } catch (err) {
    // A database that was never migrated has no drizzle schema yet.
    if (!isMissingRelation(err)) throw err;
  }
  const pending = journal.entries.filter((e) => e.when > last).map((e) => e.tag);
  return { applied, expected: journal.entries.length, pending, current: pending.length === 0 };
}

function isMissingRelation(err: unknown): boolean {
  const e = err as { code?: string; cause?: unknown; message?: string };
  if (e?.code === "42P01") return true;
  if (e?.cause) return isMissingRelation(e.cause);
  return /relation .* does not exist/.test(e?.message ?? "");
}
