import { afterAll, expect, test } from "vitest";
import { PgliteThread } from "./pglite-thread";

const pg = new PgliteThread("memory://");
afterAll(() => pg.close());

test("runs queries with parameters on its thread, keeping the types drizzle asks to keep as text", async () => {
  await pg.waitReady;
  await pg.query("create table t (id int primary key, at timestamptz, data jsonb)");
  await pg.query("insert into t values ($1, $2, $3)", [1, "2026-11-30T10:00:00Z", JSON.stringify({ a: [1, 2] })]);
  const r = await pg.query("select id, at, data from t", [], { rowMode: "object", parsers: { 1184: (v) => v } });
  expect(r.rows).toEqual([{ id: 1, at: "2026-11-30 10:00:00+00", data: { a: [1, 2] } }]);
  const arrays = await pg.query("select id from t", [], { rowMode: "array" });
  expect(arrays.rows).toEqual([[1]]);
});

test("errors keep Postgres' code and detail", async () => {
  await expect(pg.query("insert into t (id) values (1)")).rejects.toMatchObject({
    code: "23505",
    constraint: "t_pkey",
  });
  await expect(pg.query("select * from nowhere")).rejects.toMatchObject({ code: "42P01" });
});

test("a transaction commits or rolls back as a whole, and other queries wait for it", async () => {
  const order: string[] = [];
  await expect(
    pg.transaction(async (tx) => {
      await tx.query("insert into t (id) values (2)");
      throw new Error("changed my mind");
    }),
  ).rejects.toThrow("changed my mind");
  expect((await pg.query("select count(*)::int as n from t where id = 2")).rows).toEqual([{ n: 0 }]);

  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const tx = pg.transaction(async (t) => {
    await t.query("insert into t (id) values (3)");
    order.push("tx wrote");
    await held;
    order.push("tx commits");
  });
  await new Promise((r) => setTimeout(r, 20));
  const outside = pg.query("select count(*)::int as n from t where id = 3").then((r) => {
    order.push("outside read");
    return r.rows;
  });
  await new Promise((r) => setTimeout(r, 20));
  release();
  await tx;
  expect(await outside).toEqual([{ n: 1 }]);
  expect(order).toEqual(["tx wrote", "tx commits", "outside read"]);
});

test("once closed, every query fails at once instead of waiting", async () => {
  const other = new PgliteThread("memory://");
  await other.waitReady;
  await other.close();
  await expect(other.query("select 1")).rejects.toThrow(/closed/);
});

test("a prepared statement answers as the plain one, its parameters staying values whatever they hold", async () => {
  await pg.query("create table notes (id int primary key, body text, flag boolean, at timestamptz, data jsonb)");
  const insert = "insert into notes values ($1, $2, $3, $4, $5) returning id, body, flag, at, data";
  const tricky = ["it's", "x'); drop table notes; --", "back\\slash \\' and $$dollar$$", "ünïcödé ✓", ""];
  for (const [i, body] of tricky.entries()) {
    const r = await pg.query(insert, [i, body, i % 2 === 0, new Date(Date.UTC(2026, 10, 30, 10, i)), `{"n":${i}}`], {
      rowMode: "object",
      parsers: { 1184: (v) => v },
      prepare: true,
    });
    expect(r.rows).toEqual([{ id: i, body, flag: i % 2 === 0, at: `2026-11-30 10:0${i}:00+00`, data: { n: i } }]);
  }
  const statements = await pg.query("select statement from pg_prepared_statements", []);
  expect(statements.rows).toEqual([{ statement: expect.stringContaining(insert) }]);
  const plain = await pg.query("select * from notes order by id", [], { rowMode: "object" });
  expect(plain.rows).toHaveLength(tricky.length);
  expect(plain.rows.map((r) => (r as { body: string }).body)).toEqual(tricky);
  // Nulls and a parameter it cannot write as a literal (an array: sent as a plain query instead).
  const nulls = await pg.query("select $1::text as a, $2::int as b", [null, undefined], { prepare: true });
  expect(nulls.rows).toEqual([{ a: null, b: null }]);
  const array = await pg.query("select $1::int[] as ids", [[1, 2]], { prepare: true });
  expect(array.rows).toEqual([{ ids: [1, 2] }]);
});

test("prepared statements keep Postgres' errors and survive a rolled-back transaction", async () => {
  const insert = "insert into notes (id, body) values ($1, $2)";
  await expect(pg.query(insert, [0, "again"], { prepare: true })).rejects.toMatchObject({
    code: "23505",
    constraint: "notes_pkey",
  });
  await expect(
    pg.transaction(async (tx) => {
      await tx.query(insert, [100, "in a transaction"], { prepare: true });
      throw new Error("changed my mind");
    }),
  ).rejects.toThrow("changed my mind");
  await pg.query(insert, [101, "after it"], { prepare: true });
  const r = await pg.query("select id from notes where id >= 100 order by id", []);
  expect(r.rows).toEqual([{ id: 101 }]);
  await expect(pg.query("select * from nowhere where id = $1", [1], { prepare: true })).rejects.toMatchObject({
    code: "42P01",
  });
});
