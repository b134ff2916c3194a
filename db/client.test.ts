import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb } from "@/tests/helpers/db";
import { openDb, queryRows, type DbHandle } from "./client";
import { isPooledUrl, postgresOptions } from "./connection-options";
import { accounts } from "./schema";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(() => h.close());

test("migrations create the schema and queryRows reads raw rows on either driver", async () => {
  await h.db.insert(accounts).values({ id: "acc_1", type: "customer", name: "A" });
  const rows = await queryRows<{ n: number }>(h.db, sql`select count(*)::int as n from accounts`);
  expect(rows[0]?.n).toBe(1);
});

test("pooled URLs are recognised: Neon -pooler hosts, Supabase pooler hosts and port 6543, pgbouncer=true", () => {
  expect(isPooledUrl("postgres://u:p@ep-cool-darkness-123456-pooler.us-east-2.aws.neon.tech/neondb")).toBe(true);
  expect(isPooledUrl("postgres://u:p@aws-0-eu-central-1.pooler.supabase.com:6543/postgres")).toBe(true);
  expect(isPooledUrl("postgres://u:p@db.example.com:6543/app")).toBe(true);
  expect(isPooledUrl("postgres://u:p@db.example.com/app?pgbouncer=true")).toBe(true);
  expect(isPooledUrl("postgres://u:p@ep-cool-darkness-123456.us-east-2.aws.neon.tech/neondb")).toBe(false);
  expect(isPooledUrl("postgres://postgres@127.0.0.1:5432/test")).toBe(false);
});

test("through a pooler: no prepared statements, and pgbouncer=true is not sent to the server; always small idle and lifetime limits", () => {
  const pooled = postgresOptions("postgres://u@host:6543/app?pgbouncer=true&sslmode=require", { pooled: true, max: 5 });
  expect(pooled.url).toBe("postgres://u@host:6543/app?sslmode=require");
  expect(pooled.options).toMatchObject({ max: 5, prepare: false, idle_timeout: 20, max_lifetime: 1800 });
  expect(postgresOptions("postgres://u@host/app", { pooled: false, max: 10 }).options.prepare).toBe(true);
});

test("JIT is turned off at connection start on direct connections, never sent through a pooler (which refuses it)", () => {
  expect(postgresOptions("postgres://u@host/app", { pooled: false, max: 10 }).options).toMatchObject({
    connection: { jit: "off" },
  });
  expect(postgresOptions("postgres://u@host:6543/app", { pooled: true, max: 5 }).options).not.toHaveProperty(
    "connection",
  );
});

test.runIf(process.env.TEST_DATABASE_URL && !process.env.TEST_DATABASE_POOLER_URL)(
  "the app's Postgres connections run without JIT",
  async () => {
    const rows = await queryRows<{ jit: string }>(h.db, sql`select current_setting('jit') as jit`);
    expect(rows[0]?.jit).toBe("off");
  },
);

test("an in-memory PGlite opened from a seed file starts with the seed's data, on its thread or not", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "hookline-seed-test-"));
  try {
    const source = await openDb({ pgliteDir: "memory://", pgliteThread: false, migrate: false });
    await source.db.execute(sql`create table seeded (note text)`);
    await source.db.execute(sql`insert into seeded values ('from the seed')`);
    const client = (source.db as unknown as { $client: { dumpDataDir: (c: "none") => Promise<Blob> } }).$client;
    const file = path.join(dir, "seed.tar");
    writeFileSync(file, Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer()));
    await source.close();

    for (const pgliteThread of [true, false]) {
      const copy = await openDb({ pgliteDir: "memory://", pgliteThread, pgliteSeedFile: file, migrate: false });
      try {
        const rows = await queryRows<{ note: string }>(copy.db, sql`select note from seeded`);
        expect(rows).toEqual([{ note: "from the seed" }]);
      } finally {
        await copy.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
