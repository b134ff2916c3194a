import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";

/** A claim slower than this points at statistics from before a backlog arrived. */
const SLOW_CLAIM_MS = 100;
/** Least time between two refreshes, however slow the claims. */
const MIN_GAP_MS = 5_000;
/** The refresh's ANALYZE samples 300 × this many rows. */
const REFRESH_STATISTICS_TARGET = 10;
/** Growth below this never triggers a refresh on its own. */
const MIN_GROWTH_ROWS = 1_000;
/** The periodic refresh waits for this share of the table to have been claimed since the last. */
const PERIODIC_CHANGE_SHARE = 0.1;

/**
 * Fresh statistics for the claim's plan while there is work: a Postgres table that just grew by
 * a large backlog waits for autovacuum's next round, and without them the planner trades the
 * due index scan for a bitmap scan and sort of the whole backlog. PGlite has no autovacuum at
 * all: there the runner also vacuums, or the due index fills with the dead entries of every
 * finished delivery and each claim wades through them (a 100k backlog drained at 58/s).
 * A slow claim refreshes them sooner: statistics taken while the table was nearly empty make the
 * planner walk a 20k backlog row by row for every claim (62 deliveries/s until autovacuum came).
 *
 * The table growing by half since the last refresh does too: the claim and the attempt batch are
 * prepared statements (queryRows' `prepare`), and a generic plan cached while the table was small
 * keeps reading it whole as it grows — until new statistics invalidate it (measured: a batch of 50
 * attempts went from 3 to 90 ms within a minute of a fresh database's first backlog).
 */
export class ClaimStatistics {
  private last: number;
  private stale = false;
  /** Deliveries claimed since the last refresh, and the table's size then (pg_class estimate). */
  private claimed = 0;
  private rowsAtRefresh = 0;
  private running: Promise<void> | null = null;
  private readonly pglite: boolean;

  /** `now`: the clock the refresh intervals are measured on (tests move it). */
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {
    this.pglite = isPglite(db);
    this.last = now();
  }

  /**
   * Starts a refresh when due: every minute (PGlite: 15 s) once a tenth of the table (at least
   * 1,000 rows) was claimed since the last, or 5 s after a slow claim or growth by half. It runs
   * beside the claims, never before one: ANALYZE of a large table takes a few hundred ms, and
   * waiting for it put that into the latency of whatever was due meanwhile. On PGlite it still
   * holds the one thread every statement runs on, hence no refresh for a trickle of work.
   */
  refreshWhenDue(onError: (err: unknown) => void) {
    if (this.running) return;
    const since = this.now() - this.last;
    const grown = this.claimed > Math.max(MIN_GROWTH_ROWS, this.rowsAtRefresh / 2);
    const changed = this.claimed >= Math.max(MIN_GROWTH_ROWS, this.rowsAtRefresh * PERIODIC_CHANGE_SHARE);
    if (!this.stale && !grown && !changed) return;
    if (since < (this.stale || grown ? MIN_GAP_MS : this.pglite ? 15_000 : 60_000)) return;
    this.last = this.now();
    this.stale = false;
    this.claimed = 0;
    this.running = this.refresh()
      .catch(onError)
      .finally(() => {
        this.running = null;
        this.last = this.now();
      });
  }

  /** Waits for a refresh under way (a stopping runner leaves none behind). */
  async idle() {
    await this.running;
  }

  private async refresh() {
    // A tenth of the default sample (3,000 rows, not 30,000): plenty for plans that go by primary
    // key and the due index, and 3–10× quicker. A full one held PGlite's one thread (which serves
    // every statement) 70–280 ms at 20–40k deliveries; on Postgres it kept one of two cores busy
    // for ~400 ms at 60k, and the 200 events/s running meanwhile had a p99 of 125–185 ms.
    // Postgres's autovacuum still takes the full sample when its turn comes.
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`set local default_statistics_target = ${sql.raw(String(REFRESH_STATISTICS_TARGET))}`);
      await tx.execute(sql`analyze deliveries`);
    });
    // PGlite has no autovacuum (see the class comment).
    if (this.pglite) await this.db.execute(sql`vacuum deliveries`);
    const [row] = await queryRows<{ rows: number }>(
      this.db,
      sql`select greatest(reltuples, 0)::float8 as rows from pg_class where oid = 'deliveries'::regclass`,
    );
    this.rowsAtRefresh = Number(row?.rows ?? 0);
  }

  /** Counts claimed deliveries: a fair measure of how much the table grew. */
  noteClaimed(count: number) {
    this.claimed += count;
  }

  /** Runs a claim, noting whether it was slow and how many it claimed. */
  async time<T extends unknown[]>(claim: Promise<T>): Promise<T> {
    const started = performance.now();
    const result = await claim;
    if (performance.now() - started > SLOW_CLAIM_MS) this.stale = true;
    this.noteClaimed(result.length);
    return result;
  }
}

/** The embedded database (drizzle's PGlite client has `waitReady`; postgres.js's has not). */
export function isPglite(db: Db): boolean {
  return typeof (db as unknown as { $client?: { waitReady?: unknown } }).$client?.waitReady !== "undefined";
}
