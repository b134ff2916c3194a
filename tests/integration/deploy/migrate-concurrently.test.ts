import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, expect, test } from "vitest";
import journal from "@/db/migrations/meta/_journal.json";

const base = process.env.TEST_DATABASE_URL;
const name = `hookline_migrate_${randomBytes(6).toString("hex")}`;

afterAll(async () => {
  if (!base) return;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

/** `npm run db:migrate` in its own process, with only the database variable set. */
function migrate(url: string) {
  return new Promise<{ code: number; output: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "scripts/migrate.ts"],
      {
        cwd: process.cwd(),
        env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", DATABASE_URL: url },
        timeout: 60_000,
      },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

test.skipIf(!base)(
  "four deploys migrating one fresh Postgres database at once: all succeed, each migration applied once",
  async () => {
    const admin = postgres(base!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base!);
    url.pathname = `/${name}`;

    const runs = await Promise.all([1, 2, 3, 4].map(() => migrate(url.toString())));
    for (const run of runs) expect(run.code, run.output).toBe(0);
    for (const run of runs) expect(run.output).toContain(`${journal.entries.length} applied, 0 pending`);

    const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      const applied = await db<{ hash: string }[]>`select hash from drizzle.__drizzle_migrations`;
      expect(applied).toHaveLength(journal.entries.length);
      expect(new Set(applied.map((r) => r.hash)).size).toBe(journal.entries.length);
      const [{ n }] = await db<[{ n: number }]>`select count(*)::int as n from information_schema.columns
      where table_name = 'deliveries' and column_name = 'enqueued_at'`;
      expect(n).toBe(1);
    } finally {
      await db.end();
    }
  },
);
