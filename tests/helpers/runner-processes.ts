import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDb, type DbHandle } from "@/db/client";

/** A delivery process that exits once nothing is left to deliver (delivery/fixtures/draining-runner.ts), run with tsx. */
const FIXTURE = path.join(import.meta.dirname, "..", "integration", "delivery", "fixtures", "draining-runner.ts");

export type Cleanups = (() => Promise<void> | void)[];

export type SharedDatabase = {
  /** What the processes are given as DB: a Postgres URL or a PGlite directory. */
  location: string;
  open: () => Promise<DbHandle>;
  /** More environment for the child processes. */
  env?: Record<string, string>;
};

/**
 * Where runner processes meet: a fresh Postgres database (through PgBouncer in the pooler pass),
 * or, without TEST_DATABASE_URL, a PGlite directory (one process at a time).
 */
export async function sharedDatabase(cleanups: Cleanups, prefix: string): Promise<SharedDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    const dir = mkdtempSync(path.join(tmpdir(), `hookline-${prefix}-`));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return { location: dir, open: () => openDb({ pgliteDir: dir }) };
  }
  const name = `hookline_${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const c = postgres(base, { max: 1, onnotice: () => {} });
    await c.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  const url = new URL(base);
  url.pathname = `/${name}`;
  const pooler = process.env.TEST_DATABASE_POOLER_URL;
  if (pooler) {
    // The PgBouncer pass: every process goes through the pooler (migrations directly), as on Neon.
    const pooled = new URL(pooler);
    pooled.pathname = `/${name}`;
    const open = () => openDb({ url: pooled.toString(), pooled: true, migrationUrl: url.toString(), max: 4 });
    return { location: pooled.toString(), open, env: { DB_DIRECT: url.toString() } };
  }
  return { location: url.toString(), open: () => openDb({ url: url.toString(), max: 4 }) };
}

/** Starts a runner process (killed at cleanup if still running); see the fixture for its environment. */
export function startRunnerProcess(env: Record<string, string>, cleanups: Cleanups) {
  const child = spawn(process.execPath, ["--import", "tsx", FIXTURE], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (b: Buffer) => (out += b.toString()));
  child.stderr!.on("data", (b: Buffer) => (out += b.toString()));
  cleanups.push(() => void (child.exitCode === null && child.kill("SIGKILL")));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => out };
}
