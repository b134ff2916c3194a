import { expect, test } from "vitest";
import { setupIntegration } from "@/tests/helpers/integration";
import { anonymousCaller, createActor } from "@/tests/helpers/actors";

const h = setupIntegration();

test("a customer calling a reseller procedure gets FORBIDDEN", async () => {
  const customer = await createActor(h.services);
  await expect(customer.caller.reseller.customers()).rejects.toMatchObject({ code: "FORBIDDEN" });
});

test("signed-out callers get UNAUTHORIZED from protected procedures", async () => {
  await expect(anonymousCaller(h.services).account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
});

test("a reseller sees only its own customers", async () => {
  const r1 = await createActor(h.services, { role: "reseller" });
  const r2 = await createActor(h.services, { role: "reseller" });
  const mine = await createActor(h.services, { resellerId: r1.accountId, name: "Mine Customer" });
  await createActor(h.services, { resellerId: r2.accountId, name: "Other Customer" });
  const list = await r1.caller.reseller.customers();
  expect(list.map((c) => c.accountId)).toEqual([mine.accountId]);
  expect(await r1.caller.reseller.customers({ search: "other" })).toEqual([]);
  expect((await r1.caller.reseller.customers({ search: "MINE" })).length).toBe(1);
});

test("account.me returns the caller's own profile", async () => {
  const a = await createActor(h.services);
  const me = await a.caller.account.me();
  expect(me).toMatchObject({ userId: a.userId, accountId: a.accountId, email: a.input.email, accountType: "customer" });
});
