import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import postgres from "postgres";
import { openDb, type DbHandle } from "@/db/client";
import { deliveries } from "@/db/schema";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { startReceiver, type Receiver } from "@/tests/helpers/receiver";

const FIXTURE = path.join(import.meta.dirname, "fixtures", "crash-runner.ts");
const N = 2000;
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const fn of cleanups.reverse()) await fn();
});

/** Where the processes meet: a fresh Postgres database, or a PGlite directory (one process at a time). */
async function sharedDatabase(): Promise<{
  location: string;
  open: () => Promise<DbHandle>;
  /** More environment for the child processes. */
  env?: Record<string, string>;
}> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    const dir = mkdtempSync(path.join(tmpdir(), "hookline-crash-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return { location: dir, open: () => openDb({ pgliteDir: dir }) };
  }
  const name = `hookline_crash_${randomBytes(6).toString("hex")}`;
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

function startChild(env: Record<string, string>) {
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

async function waitUntil(check: () => boolean, ms: number, what: () => string) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting: ${what()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test("a runner killed with SIGKILL mid-burst loses nothing: a new runner finishes, re-sends keep their webhook-id", async () => {
  const receiver: Receiver = await startReceiver();
  cleanups.push(() => receiver.close());
  const shared = await sharedDatabase();

  let setup = await shared.open();
  const actor = await createActor({ db: setup.db });
  await insertEndpoint(setup.db, actor.accountId, receiver.url, { method: "JSON", payloadFormat: "envelope" });
  await setup.close(); // PGlite: one process at a time

  const first = startChild({
    ...shared.env,
    DB: shared.location,
    ACTOR: JSON.stringify(actor.actor),
    LEASE_MS: "1500",
    INGEST: String(N),
  });
  await waitUntil(() => receiver.requests.length >= 300 || first.child.exitCode !== null, 60_000, first.output);
  expect(first.child.exitCode).toBeNull(); // still mid-burst
  first.child.kill("SIGKILL");
  await first.exited;
  const beforeCrash = receiver.requests.length;
  expect(beforeCrash).toBeLessThan(N);

  const second = startChild({
    ...shared.env,
    DB: shared.location,
    ACTOR: JSON.stringify(actor.actor),
    LEASE_MS: "1500",
  });
  expect(await second.exited, second.output()).toBe(0);

  // Every event arrived at least once; a delivery sent twice (in flight at the kill) kept its id.
  const idsByEvent = new Map<string, Set<string>>();
  for (const r of receiver.requests) {
    const eventId = JSON.parse(r.body).id as string;
    const set = idsByEvent.get(eventId) ?? new Set<string>();
    set.add(String(r.headers["webhook-id"]));
    idsByEvent.set(eventId, set);
  }
  expect(receiver.requests.length).toBeGreaterThanOrEqual(N);
  expect(idsByEvent.size).toBe(N);
  expect([...idsByEvent.values()].every((s) => s.size === 1)).toBe(true);

  setup = await shared.open();
  cleanups.push(() => setup.close());
  const rows = await setup.db.select({ id: deliveries.id, status: deliveries.status }).from(deliveries);
  expect(rows).toHaveLength(N);
  expect(rows.every((d) => d.status === "succeeded")).toBe(true);
  const received = new Set(receiver.requests.map((r) => String(r.headers["webhook-id"])));
  expect(rows.every((d) => received.has(d.id))).toBe(true);
}, 120_000);
