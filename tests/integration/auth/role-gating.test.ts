import { afterAll, beforeAll, expect, test } from "vitest";
import type { DbHandle } from "@/db/client";
import { createTestDb } from "@/tests/helpers/db";
import { anonymousCaller, createActor } from "@/tests/helpers/actors";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(() => h.close());

test("a customer calling a reseller procedure gets FORBIDDEN", async () => {
  const customer = await createActor(h.db);
  await expect(customer.caller.reseller.customers()).rejects.toMatchObject({ code: "FORBIDDEN" });
});

test("signed-out callers get UNAUTHORIZED from protected procedures", async () => {
  await expect(anonymousCaller(h.db).account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
});

test("a reseller sees only its own customers", async () => {
  const r1 = await createActor(h.db, { role: "reseller" });
  const r2 = await createActor(h.db, { role: "reseller" });
  const mine = await createActor(h.db, { resellerId: r1.accountId, name: "Mine Customer" });
  await createActor(h.db, { resellerId: r2.accountId, name: "Other Customer" });
  const list = await r1.caller.reseller.customers();
  expect(list.map((c) => c.accountId)).toEqual([mine.accountId]);
  expect(await r1.caller.reseller.customers({ search: "other" })).toEqual([]);
  expect((await r1.caller.reseller.customers({ search: "MINE" })).length).toBe(1);
});

test("account.me returns the caller's own profile", async () => {
  const a = await createActor(h.db);
  const me = await a.caller.account.me();
  expect(me).toMatchObject({ userId: a.userId, accountId: a.accountId, email: a.input.email, accountType: "customer" });
});
