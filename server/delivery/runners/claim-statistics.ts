import { sql } from "drizzle-orm";
import type { Db } from "@/db";

/** A claim slower than this points at statistics from before a backlog arrived. */
const SLOW_CLAIM_MS = 100;
/** Least time between two refreshes, however slow the claims. */
const MIN_GAP_MS = 5_000;

/**
 * Fresh statistics for the claim's plan while there is work: a Postgres table that just grew by
 * a large backlog waits for autovacuum's next round, and without them the planner trades the
 * due index scan for a bitmap scan and sort of the whole backlog. PGlite has no autovacuum at
 * all: there the runner also vacuums, or the due index fills with the dead entries of every
 * finished delivery and each claim wades through them (a 100k backlog drained at 58/s).
 * A slow claim refreshes them sooner: statistics taken while the table was nearly empty make the
 * planner walk a 20k backlog row by row for every claim (62 deliveries/s until autovacuum came).
 */
export class ClaimStatistics {
  private last = Date.now();
  private stale = false;
  private readonly pglite: boolean;

  constructor(private readonly db: Db) {
    this.pglite = isPglite(db);
  }

  /** Refreshes them when due: every minute (PGlite: 15 s), or 5 s after a slow claim. */
  async refreshWhenDue() {
    const since = Date.now() - this.last;
    if (since < (this.stale ? MIN_GAP_MS : this.pglite ? 15_000 : 60_000)) return;
    this.last = Date.now();
    this.stale = false;
    await this.db.execute(this.pglite ? sql`vacuum analyze deliveries` : sql`analyze deliveries`);
  }

  /** Runs a claim, noting whether it was slow. */
  async time<T>(claim: Promise<T>): Promise<T> {
    const started = performance.now();
    const result = await claim;
    if (performance.now() - started > SLOW_CLAIM_MS) this.stale = true;
    return result;
  }
}

/** The embedded database (drizzle's PGlite client has `waitReady`; postgres.js's has not). */
export function isPglite(db: Db): boolean {
  return typeof (db as unknown as { $client?: { waitReady?: unknown } }).$client?.waitReady !== "undefined";
}
