import type { Db } from "@/db";
import { DEFAULT_LEASE_MS, type AttemptDeps } from "@/server/delivery/engine/attempt-delivery";
import { getEnv } from "@/server/env";
import { isPglite } from "./claim-statistics";

export type LocalRunnerOptions = {
  db: Db;
  /** Requests in flight at once from this process. */
  concurrency?: number;
  /** Requests in flight per endpoint from this process (default WEBHOOK_MAX_IN_FLIGHT). */
  perEndpoint?: number;
  /** Deliveries one account may hold in this process (default: concurrency + half a batch, so another account always finds room). */
  perAccount?: number;
  /** Most deliveries claimed in one statement (default 400, PGlite 800; at most 16 rounds of `concurrency`). */
  batchSize?: number;
  /** How long a claim is held unless renewed (a crashed process's work is taken over after it). */
  leaseMs?: number;
  /** Longest sleep between polls when idle (work may also come from other processes). */
  idlePollMs?: number;
  /** The clock leases are timed by: claim times and lease checks (tests move it past a lease without waiting). */
  now?: () => number;
  attempt?: Omit<AttemptDeps, "db">;
  onError?: (err: unknown) => void;
};

/**
 * Most deliveries one claim takes. A busy runner claims for an endpoint once less than a round of
 * its sends waits here, up to its account's places (in flight + half a batch): with 200, one
 * account's claims came to ~50 rows each. Larger batches spread each statement's fixed cost — on
 * PGlite (parsed and planned in WASM, ≈ 4.6 ms per claim) most: 200 → 800 took 1,150 → 1,500
 * deliveries/s there; on Postgres 200 → 400 took 2,100 → 2,350/s.
 */
const POSTGRES_BATCH = 400;
const PGLITE_BATCH = 800;
/**
 * A runner holds at most this many rounds of its sends beyond those in flight: one that sends a
 * few at a time has no use for 800 claimed rows, and holding them keeps another process idle
 * (two runners sending one at a time: the first claimed all 300 due, the second sent nothing).
 */
const HELD_ROUNDS = 16;
export type ResolvedRunnerOptions = Required<Omit<LocalRunnerOptions, "attempt" | "onError">>;

/** The options with their defaults; the batch (and so what the runner holds) scales down with a small concurrency. */
export function resolveRunnerOptions(opts: LocalRunnerOptions): ResolvedRunnerOptions {
  const concurrency = opts.concurrency ?? 500;
  const batchSize =
    opts.batchSize ?? Math.min(isPglite(opts.db) ? PGLITE_BATCH : POSTGRES_BATCH, HELD_ROUNDS * concurrency);
  return {
    db: opts.db,
    concurrency,
    perEndpoint: opts.perEndpoint ?? getEnv().WEBHOOK_MAX_IN_FLIGHT,
    batchSize,
    perAccount: opts.perAccount ?? concurrency + Math.floor(batchSize / 2),
    leaseMs: opts.leaseMs ?? DEFAULT_LEASE_MS,
    idlePollMs: opts.idlePollMs ?? 1000,
    now: opts.now ?? Date.now,
  };
}
