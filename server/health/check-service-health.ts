import { sql } from "drizzle-orm";
import { queryRows, readMigrationStatus, type DbHandle, type MigrationStatus } from "@/db";

const TIMEOUT_MS = 5_000;

type ServiceHealth = {
  /** ok: serving; degraded: reachable but migrations are missing; down: no database. */
  status: "ok" | "degraded" | "down";
  checkedAt: string;
  database: { reachable: true; driver: DbHandle["driver"]; latencyMs: number } | { reachable: false; error: string };
  migrations: MigrationStatus | null;
  runner: "local" | "inngest";
  /** Seconds since the longest-waiting due delivery fell due (0 or null: nothing waits). */
  oldestDueDeliveryAgeSeconds: number | null;
};

/**
 * The service's own health for uptime checks and the deployment guide's "verify" step (GET
 * /api/health, no session): is the database reachable, does it have every migration this build
 * ships, which runner sends, and how long the oldest due delivery has waited — a growing number
 * means nothing is sending. Bounded by a timeout, so a hanging database answers "down" in time.
 */
export async function checkServiceHealth({
  getHandle,
  runner,
  timeoutMs = TIMEOUT_MS,
}: {
  getHandle: () => Promise<DbHandle>;
  runner: "local" | "inngest";
  timeoutMs?: number;
}): Promise<ServiceHealth> {
  const checkedAt = new Date().toISOString();
  try {
    // Opening is not timed: a Postgres pool opens without the network, and the embedded
    // database's first open (and migration) may take a while on a busy machine.
    const handle = await getHandle();
    const started = performance.now();
    const { migrations, oldest, driver } = await withTimeout(
      (async () => {
        await handle.db.execute(sql`select 1`);
        const migrations = await readMigrationStatus(handle.db);
        // Without every migration the tables may not have the columns the query reads.
        return { driver: handle.driver, migrations, oldest: migrations.current ? await oldestDueAge(handle) : null };
      })(),
      timeoutMs,
    );
    return {
      status: migrations.current ? "ok" : "degraded",
      checkedAt,
      database: { reachable: true, driver, latencyMs: Math.round(performance.now() - started) },
      migrations,
      runner,
      oldestDueDeliveryAgeSeconds: oldest,
    };
  } catch (err) {
    console.error("[hookline] health check: database unreachable:", err);
    return {
      status: "down",
      checkedAt,
      database: { reachable: false, error: describeDbError(err) },
      migrations: null,
      runner,
      oldestDueDeliveryAgeSeconds: null,
    };
  }
}

/**
 * The oldest due delivery: one step along the due index (paused endpoints' deliveries are parked
 * far in the future, and those waiting for an earlier one of their message are not in it, so
 * neither counts).
 */
async function oldestDueAge(handle: DbHandle): Promise<number | null> {
  const [row] = await queryRows<{ age: number | string | null }>(
    handle.db,
    sql`select extract(epoch from clock_timestamp() - (
          select next_attempt_at from deliveries
          where status in ('pending', 'retrying') and blocked_by is null and next_attempt_at <= clock_timestamp()
          order by next_attempt_at limit 1))::float8 as age`,
  );
  return row?.age === null || row?.age === undefined ? null : Math.round(Number(row.age));
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  work.catch(() => {}); // a late failure after the timeout is not unhandled
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error("timed out"), { code: "TIMEOUT" })), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** A short reason without hosts or credentials (the full error goes to the server log). */
function describeDbError(err: unknown): string {
  const e = err as { code?: string; cause?: { code?: string } };
  const code = e?.code ?? e?.cause?.code;
  switch (code) {
    case "TIMEOUT":
    case "CONNECT_TIMEOUT":
    case "ETIMEDOUT":
      return "timed out";
    case "ECONNREFUSED":
      return "connection refused";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "host not found";
    case "28P01":
    case "28000":
      return "authentication failed";
    case "3D000":
      return "database does not exist";
    default:
      return "query failed (see the server log)";
  }
}
