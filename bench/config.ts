/**
 * Bench settings from the environment. BENCH_QUICK=1 changes the defaults to a smoke test of the
 * harness itself (a couple of minutes); a variable that is set explicitly always wins.
 */
const quick = process.env.BENCH_QUICK === "1";

function num(name: string, full: number, quickValue = full): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return quick ? quickValue : full;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got '${raw}'`);
  return n;
}

export const config = {
  quick,
  /** Events per engine run (and requests per ceiling run). */
  n: num("BENCH_N", 20_000, 2_000),
  rounds: num("BENCH_ROUNDS", 3, 1),
  concurrency: num("BENCH_CONCURRENCY", 50),
  rate: num("BENCH_RATE", 200),
  latencySeconds: num("BENCH_LATENCY_SECONDS", 10, 5),
  /** The drain reference: what a 1k backlog drains at. */
  smallBacklog: 1_000,
  backlog: num("BENCH_BACKLOG", 100_000, 2_000),
  pgBacklog: num("BENCH_PG_BACKLOG", 100_000, 5_000),
  drainMaxSeconds: num("BENCH_DRAIN_MAX_SECONDS", 600, 120),
  /** The whole run is cut off after this, whatever it is waiting for. */
  maxMinutes: num("BENCH_MAX_MINUTES", 150, 10),
  /** Events of the account the search is timed on ("Find any message"). */
  searchEvents: num("BENCH_SEARCH_EVENTS", 1_000_000, 50_000),
  pgUrl: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
  /** The messaging scenario: DLRs (4 per message) to one endpoint, ordered delivery off vs on. */
  orderingEvents: num("BENCH_ORDERING_EVENTS", 20_000, 4_000),
  /** Which scenarios to run: `engine` (rounds, latency, drains) and `ordering`. */
  scenarios: (process.env.BENCH_SCENARIOS ?? "engine,ordering").split(",").map((t) => t.trim()),
  /** Which databases to run, e.g. `postgres` alone so its RSS is not mixed with PGlite's. */
  targets: (process.env.BENCH_TARGETS ?? "pglite,postgres").split(",").map((t) => t.trim()),
};

export type BenchConfig = typeof config;

/** How long N deliveries may take before a run counts as stuck: 60 s plus 20 deliveries/s. */
export const deliveryTimeoutMs = (n: number) => 60_000 + n * 50;

/** For output: the database URL without its password. */
export function redactUrl(url: string) {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}
