import { mkdirSync, readFileSync } from "node:fs";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import { acquirePgliteLock } from "./pglite-lock";
import { PgliteThread } from "./pglite-thread";
import * as schema from "./schema";
import { isPooledUrl, postgresOptions } from "./connection-options";
import { migratePglite, migratePostgres } from "./migrate";

type Schema = typeof schema;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- both drivers' HKTs fit here
export type Db = PgDatabase<PgQueryResultHKT & any, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** A database handle or an open transaction: domain verbs accept either. */
export type DbOrTx = Db | Tx;

export type DbHandle = {
  db: Db;
  driver: "pglite" | "postgres";
  close: () => Promise<void>;
};

type OpenDbOptions = {
  /** Postgres connection string; without it, PGlite in `pgliteDir` (`memory://` keeps it in memory). */
  url?: string;
  pgliteDir?: string;
  /**
   * PGlite runs on a worker thread (default), so its statements do not hold up the event loop
   * that sends the webhooks; `false` runs it on the calling thread.
   */
  pgliteThread?: boolean;
  /**
   * A PGlite data-directory dump (`dumpDataDir("none")` written to a file) to start an empty
   * PGlite from instead of running initdb, which is most of PGlite's start-up (the test suites
   * start hundreds of in-memory databases from one migrated dump: tests/database-template.ts).
   */
  pgliteSeedFile?: string;
  /** Apply pending migrations before returning (default true). Postgres: under an advisory lock. */
  migrate?: boolean;
  /** Connection pool size (postgres.js `max`). Default 10, or 5 through a pooler. */
  max?: number;
  /**
   * The URL goes through a transaction-mode pooler (PgBouncer, Neon `-pooler`, Supabase :6543):
   * no prepared statements. Default: detected from the URL (see isPooledUrl).
   */
  pooled?: boolean;
  /** A direct (unpooled) URL for migrations, which hold a session-level advisory lock. */
  migrationUrl?: string;
};

/**
 * Opens a database: postgres.js when a URL is given, otherwise PGlite. With `migrate` (the
 * default) pending migrations are applied first — on Postgres under an advisory lock, so several
 * processes may do it at once. The postgres.js pool connects lazily: opening it needs no network,
 * and a database that is down at start-up only fails the queries made while it is down.
 */
export async function openDb(opts: OpenDbOptions): Promise<DbHandle> {
  if (!opts.url) {
    const handle = await openPglite(opts.pgliteDir ?? "memory://", opts.pgliteThread ?? true, opts.pgliteSeedFile);
    if (opts.migrate !== false) await migratePglite(handle.db);
    return handle;
  }
  const pooled = opts.pooled ?? isPooledUrl(opts.url);
  if (opts.migrate !== false) {
    if (pooled && !opts.migrationUrl)
      throw new Error(
        "Migrations need a direct connection (they hold a session-level advisory lock), and the database URL goes through a pooler: set DATABASE_URL_UNPOOLED.",
      );
    await migratePostgres(opts.migrationUrl ?? opts.url);
  }
  return openPostgres(opts.url, { pooled, max: opts.max ?? (pooled ? 5 : 10) });
}

async function openPostgres(url: string, opts: { pooled: boolean; max: number }): Promise<DbHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { url: cleaned, options } = postgresOptions(url, opts);
  const client = postgres(cleaned, options);
  const db = drizzle(client, { schema }) as unknown as Db;
  return { db, driver: "postgres", close: () => client.end({ timeout: 5 }) };
}

async function openPglite(dir: string, onThread: boolean, seedFile?: string): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  let release = () => {};
  if (!dir.startsWith("memory://")) {
    mkdirSync(dir, { recursive: true });
    release = acquirePgliteLock(dir);
  }
  const loadDataDir = seedFile && !onThread ? new Blob([readFileSync(seedFile)]) : undefined;
  const client = onThread ? new PgliteThread(dir, seedFile) : new PGlite(dir, loadDataDir ? { loadDataDir } : {});
  await client.waitReady;
  const db = drizzle(client as InstanceType<typeof PGlite>, { schema }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    close: async () => {
      await client.close();
      release();
    },
  };
}

type PostgresJsClient = { unsafe: (text: string, params: unknown[], opts: { prepare: boolean }) => Promise<unknown> };
/** PGlite, its thread (db/pglite-thread.ts) or a transaction of either. */
type PgliteClient = {
  query: (text: string, params: unknown[], opts: Record<string, unknown>) => Promise<{ rows: unknown[] }>;
};
type DrizzleInternals = {
  session?: { client?: Partial<PostgresJsClient & PgliteClient> };
  dialect: { sqlToQuery: (q: SQL) => { sql: string; params: unknown[] } };
};

const keepText = (value: string) => value;
/** What drizzle's PGlite session leaves as text: dates, times, intervals and their arrays. */
const KEEP_AS_TEXT = Object.fromEntries(
  [1114, 1184, 1186, 1082, 1231, 1115, 1185, 1187, 1182].map((t) => [t, keepText]),
);

/**
 * Raw SQL rows from either driver (PGlite returns `{ rows }`, postgres.js an array).
 *
 * `prepare` (postgres.js): the statement is prepared once per connection and then only bound and
 * executed — drizzle never prepares, so postgres.js describes every statement first (a second
 * round trip and socket write) and the server parses and plans it each time. Only for statements
 * that read by primary key or a selective index: a cached generic plan does not follow a table
 * that grows until new statistics invalidate it (the local runner refreshes them as `deliveries`
 * grows: runners/claim-statistics.ts). A pooled client has `prepare: false`, which still wins.
 * On PGlite the thread prepares it (db/pglite-thread.ts): there parsing and planning were most
 * of a hot statement's cost.
 */
export async function queryRows<T>(db: DbOrTx, query: SQL, opts: { prepare?: boolean } = {}): Promise<T[]> {
  const internals = db as unknown as DrizzleInternals;
  const client = internals.session?.client;
  if (opts.prepare && typeof client?.unsafe === "function") {
    const { sql: text, params } = internals.dialect.sqlToQuery(query);
    return (await client.unsafe(text, params, { prepare: true })) as T[];
  }
  if (opts.prepare && typeof client?.query === "function") {
    // PGlite: the thread prepares it (plain PGlite ignores `prepare`); rows as drizzle's execute gives them.
    const { sql: text, params } = internals.dialect.sqlToQuery(query);
    const result = await client.query(text, params, { rowMode: "object", parsers: KEEP_AS_TEXT, prepare: true });
    return result.rows as T[];
  }
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
