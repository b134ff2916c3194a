import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDb } from "@/db/client";

/**
 * Global setup of the PGlite passes: one in-memory PGlite, migrated, dumped to a file that every
 * test database then starts from (TEST_PGLITE_SEED_FILE, read by createTestDb). A new PGlite runs
 * initdb in WASM, 2.5–4.5 s on this machine; starting from the dump takes about 1 s, and the
 * migrations only check that nothing is pending. Built fresh each run, so it is never stale.
 * Nothing to do when the tests run on Postgres (TEST_DATABASE_URL).
 */
export default async function setup() {
  if (process.env.TEST_DATABASE_URL) return;
  const dir = mkdtempSync(path.join(tmpdir(), "hookline-pglite-seed-"));
  const file = path.join(dir, "migrated.tar");
  const handle = await openDb({ pgliteDir: "memory://", pgliteThread: false });
  const client = (handle.db as unknown as { $client: { dumpDataDir: (c: "none") => Promise<Blob> } }).$client;
  writeFileSync(file, Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer()));
  await handle.close();
  process.env.TEST_PGLITE_SEED_FILE = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
