import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDb } from "@/db/client";
import { migratePostgres } from "@/db/migrate";

/**
 * Global setup: one migrated database that every test database of the run is copied from
 * (createTestDb), built fresh each run so it is never stale; the copy then only checks that no
 * migration is pending.
 * - PGlite: a new PGlite runs initdb in WASM (2.5–4.5 s here); one started from a dump of a
 *   migrated one takes about 1 s. The dump goes to a file: TEST_PGLITE_SEED_FILE.
 * - Postgres (TEST_DATABASE_URL): `CREATE DATABASE … TEMPLATE` a migrated database, 35 ms against
 *   330 ms to create and migrate one: TEST_DATABASE_TEMPLATE.
 */
export default async function setup() {
  const server = process.env.TEST_DATABASE_URL;
  return server ? postgresTemplate(server) : pgliteSeed();
}

async function pgliteSeed() {
  const dir = mkdtempSync(path.join(tmpdir(), "hookline-pglite-seed-"));
  const file = path.join(dir, "migrated.tar");
  const handle = await openDb({ pgliteDir: "memory://", pgliteThread: false });
  const client = (handle.db as unknown as { $client: { dumpDataDir: (c: "none") => Promise<Blob> } }).$client;
  writeFileSync(file, Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer()));
  await handle.close();
  process.env.TEST_PGLITE_SEED_FILE = file;
  return () => rmSync(dir, { recursive: true, force: true });
}

async function postgresTemplate(server: string) {
  const name = `hookline_template_${randomBytes(6).toString("hex")}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  await migratePostgres(url.toString());
  process.env.TEST_DATABASE_TEMPLATE = name;
  return async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
}
