import { Worker } from "node:worker_threads";

/** What drizzle's PGlite session passes to `query`: a row mode and type parsers. */
type QueryOptions = {
  rowMode?: "array" | "object";
  parsers?: Record<number, (value: string) => unknown>;
  /** Run as a prepared statement of the thread (see PREPARED in the thread's code). */
  prepare?: boolean;
};
type Result = { rows: unknown[]; fields: { name: string; dataTypeID: number }[]; affectedRows?: number };
type Request = {
  id: number;
  sql: string;
  params?: unknown[];
  rowMode?: string;
  rawTypes?: number[];
  prepare?: boolean;
  close?: true;
};
type Reply = { id: number; result?: Result; error?: Record<string, unknown> & { message: string } };

/**
 * The thread's own code, plain CommonJS run with `eval` so no bundler has to find a worker file.
 * PGlite queues the queries it is given and runs them one at a time, in order.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const identity = (value) => value;
const ready = import("@electric-sql/pglite").then(async ({ PGlite }) => {
  const loadDataDir = workerData.seedFile
    ? new Blob([require("node:fs").readFileSync(workerData.seedFile)])
    : undefined;
  const pg = new PGlite(workerData.dataDir, loadDataDir ? { loadDataDir } : {});
  await pg.waitReady;
  // Prepared statements get their parameters as quoted literals (below): with this setting a
  // doubled quote is the only escape a string literal has.
  await pg.exec("set standard_conforming_strings = on");
  return pg;
});

// PREPARED: PGlite parses and plans every statement it is sent, in WASM; for the hot statements
// that was 3/4 of their cost (a single event's insert: 2.4 ms, 0.6 ms as a prepared statement).
// Each such statement is prepared once (PREPARE) and then run as EXECUTE with its parameters as
// literals, which Postgres converts with the same input functions as bound text parameters.
const MAX_PREPARED = 200;
const prepared = new Map();
let nextStatement = 1;

function literal(value) {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "string") return "'" + value.replaceAll("'", "''") + "'";
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return "'" + String(value) + "'";
  if (value instanceof Date) return "'" + value.toISOString() + "'";
  return null;
}

async function runPrepared(pg, m, options) {
  const args = (m.params ?? []).map(literal);
  if (args.includes(null)) return pg.query(m.sql, m.params, options); // arrays, objects: as before
  let name = prepared.get(m.sql);
  if (!name) {
    if (prepared.size >= MAX_PREPARED) return pg.query(m.sql, m.params, options);
    name = "hookline_" + nextStatement++;
    await pg.exec("prepare " + name + " as " + m.sql);
    prepared.set(m.sql, name);
  }
  const results = await pg.exec("execute " + name + (args.length ? "(" + args.join(", ") + ")" : ""), options);
  return results[results.length - 1];
}

parentPort.on("message", async (m) => {
  try {
    const pg = await ready;
    if (m.close) {
      await pg.close();
      return parentPort.postMessage({ id: m.id, result: { rows: [], fields: [] } });
    }
    const parsers = {};
    for (const type of m.rawTypes ?? []) parsers[type] = identity;
    const options = { rowMode: m.rowMode, parsers };
    const r = m.prepare ? await runPrepared(pg, m, options) : await pg.query(m.sql, m.params, options);
    parentPort.postMessage({ id: m.id, result: { rows: r.rows, fields: r.fields, affectedRows: r.affectedRows } });
  } catch (err) {
    const error = { message: err instanceof Error ? err.message : String(err) };
    for (const key of ["code", "detail", "hint", "constraint", "table", "column", "schema", "severity", "where", "position"])
      if (err && err[key] !== undefined) error[key] = err[key];
    parentPort.postMessage({ id: m.id, error });
  }
});
`;

/** One query at a time inside a transaction; the transaction's own statements skip the gate. */
export type PgliteThreadTransaction = { query: PgliteThread["query"] };

/**
 * PGlite (WASM Postgres, a single connection) on a worker thread, with the part of PGlite's
 * interface drizzle uses: `query` and `transaction`. Its statements take milliseconds of CPU each;
 * on the main thread they would hold up every HTTP request and response of the process, here they
 * run on the second core. Queries are sent as they come (PGlite runs them in order); while a
 * transaction is open, other queries wait for it to end, as on PGlite itself.
 */
export class PgliteThread {
  readonly waitReady: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (r: Result) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private transactions: Promise<void> = Promise.resolve();
  private openTransaction: Promise<void> | null = null;
  /** Set once the thread is gone: every query after that fails at once, as on a closed PGlite. */
  private gone: Error | null = null;

  /** `seedFile`: a data-directory dump (PGlite's dumpDataDir) the new database starts from. */
  constructor(dataDir: string, seedFile?: string) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { dataDir, seedFile } });
    this.worker.on("message", (reply: Reply) => this.settle(reply));
    this.worker.on("error", (err) => this.failAll(err));
    this.worker.on("exit", (code) => this.failAll(new Error(`PGlite is closed (its thread exited with code ${code})`)));
    this.waitReady = this.send({ id: 0, sql: "select 1" }).then(() => undefined);
  }

  async query(sql: string, params?: unknown[], options?: QueryOptions): Promise<Result> {
    while (this.openTransaction) await this.openTransaction;
    return this.run(sql, params, options);
  }

  async transaction<T>(fn: (tx: PgliteThreadTransaction) => Promise<T>): Promise<T> {
    const before = this.transactions;
    let end!: () => void;
    const ended = new Promise<void>((r) => (end = r));
    this.transactions = before.then(() => ended);
    await before;
    this.openTransaction = ended;
    try {
      await this.run("begin");
      const tx: PgliteThreadTransaction = { query: (sql, params, options) => this.run(sql, params, options) };
      try {
        const result = await fn(tx);
        await this.run("commit");
        return result;
      } catch (err) {
        await this.run("rollback").catch(() => {});
        throw err;
      }
    } finally {
      this.openTransaction = null;
      end();
    }
  }

  async close() {
    if (this.gone) return;
    await this.transactions;
    await this.send({ id: 0, sql: "", close: true }).catch(() => {});
    this.gone = new Error("PGlite is closed");
    await this.worker.terminate();
  }

  private run(sql: string, params?: unknown[], options?: QueryOptions) {
    return this.send({
      id: 0,
      sql,
      params,
      rowMode: options?.rowMode,
      rawTypes: rawTypes(options?.parsers),
      prepare: options?.prepare,
    });
  }

  private send(request: Request): Promise<Result> {
    if (this.gone) return Promise.reject(this.gone);
    const id = this.nextId++;
    return new Promise<Result>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  private settle({ id, result, error }: Reply) {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    if (error) waiting.reject(Object.assign(new Error(error.message), error));
    else waiting.resolve(result!);
  }

  private failAll(err: Error) {
    this.gone ??= err;
    for (const { reject } of this.pending.values()) reject(err);
    this.pending.clear();
  }
}

/**
 * Parsers cannot cross to the thread. drizzle only asks for some types to be left as the text
 * Postgres sent (dates, intervals, numeric arrays); those are named by type id, and anything
 * else is refused rather than silently parsed differently.
 */
function rawTypes(parsers: QueryOptions["parsers"]): number[] | undefined {
  if (!parsers) return undefined;
  return Object.entries(parsers).map(([type, parse]) => {
    if (parse("2026-01-01 00:00:00+00") !== "2026-01-01 00:00:00+00")
      throw new Error(`PGlite thread: only "keep as text" parsers can be passed (type ${type})`);
    return Number(type);
  });
}
