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
