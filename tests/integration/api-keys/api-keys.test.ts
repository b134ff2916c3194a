import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { accounts, apiKeys } from "@/db/schema";
import { authenticateApiKey } from "@/server/api-keys/authenticate-api-key";
import { createApiKey } from "@/server/api-keys/create-api-key";
import { DomainError } from "@/server/errors";
import { anonymousCaller, createActor } from "@/tests/helpers/actors";
import { setupIntegration } from "@/tests/helpers/integration";

const h = setupIntegration();

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const bearer = (key: string) => `Bearer ${key}`;

async function storedRow(id: string) {
  const [row] = await h.db.select().from(apiKeys).where(eq(apiKeys.id, id));
  return row!;
}

async function expectUnauthorized(header: string | null) {
  const err = await authenticateApiKey(h.db, header).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  expect((err as DomainError).code).toBe("UNAUTHORIZED");
  return err as DomainError;
}

describe("create", () => {
  test("returns the plaintext key once, with its visible prefix", async () => {
    const a = await createActor(h.services);
    const created = await a.caller.apiKeys.create({ name: "  Production server  " });
    expect(created.key).toMatch(/^hk_live_[A-Za-z0-9]{32}$/);
    expect(created).toMatchObject({ name: "Production server", prefix: created.key.slice(0, 12) });
    expect(created.id).toMatch(/^key_/);
    expect(created.createdAt).toBeInstanceOf(Date);
    const other = await a.caller.apiKeys.create({ name: "second" });
    expect(other.key).not.toBe(created.key);
  });

  test("only the SHA-256 hash and the prefix are stored", async () => {
    const a = await createActor(h.services);
    const { id, key } = await a.caller.apiKeys.create({ name: "ci" });
    const row = await storedRow(id);
    expect(row.keyHash).toBe(sha256(key));
    expect(row.prefix).toBe(key.slice(0, 12));
    const secretPart = key.slice(12);
    const everything = JSON.stringify(await h.db.select().from(apiKeys));
    expect(everything).not.toContain(key);
    expect(everything).not.toContain(secretPart);
  });

  test("a name is required and bounded", async () => {
    const a = await createActor(h.services);
    await expect(a.caller.apiKeys.create({ name: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(a.caller.apiKeys.create({ name: "x".repeat(101) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  test("signed-out callers cannot list, create or revoke", async () => {
    const anon = anonymousCaller(h.services);
    await expect(anon.apiKeys.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anon.apiKeys.create({ name: "x" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anon.apiKeys.revoke({ id: "key_x" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("list", () => {
  test("newest first, with prefix, name, last use and revocation; never the key or its hash", async () => {
    const a = await createActor(h.services);
    const first = await a.caller.apiKeys.create({ name: "first" });
    const second = await a.caller.apiKeys.create({ name: "second" });
    const list = await a.caller.apiKeys.list();
    expect(list.map((k) => k.id)).toEqual([second.id, first.id]);
    expect(list[1]).toEqual({
      id: first.id,
      name: "first",
      prefix: first.prefix,
      lastUsedAt: null,
      revokedAt: null,
      createdAt: first.createdAt,
    });
    const serialized = JSON.stringify(list);
    expect(serialized).not.toContain(first.key);
    expect(serialized).not.toContain(sha256(first.key));
  });

  test("another account's keys are invisible and cannot be revoked (NOT_FOUND)", async () => {
    const a = await createActor(h.services);
    const b = await createActor(h.services);
    const aKey = await a.caller.apiKeys.create({ name: "a's key" });
    expect(await b.caller.apiKeys.list()).toEqual([]);
    await expect(b.caller.apiKeys.revoke({ id: aKey.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await authenticateApiKey(h.db, bearer(aKey.key))).accountId).toBe(a.accountId);
  });
});

describe("authenticateApiKey", () => {
  test("a valid key acts for its account, with the account's role", async () => {
    const customer = await createActor(h.services);
    const reseller = await createActor(h.services, { role: "reseller" });
    const c = await customer.caller.apiKeys.create({ name: "c" });
    const r = await reseller.caller.apiKeys.create({ name: "r" });
    expect(await authenticateApiKey(h.db, bearer(c.key))).toEqual({
      userId: `apikey:${c.id}`,
      accountId: customer.accountId,
      role: "customer",
      keyId: c.id,
    });
    expect(await authenticateApiKey(h.db, bearer(r.key))).toEqual({
      userId: `apikey:${r.id}`,
      accountId: reseller.accountId,
      role: "reseller",
      keyId: r.id,
    });
    // The scheme is case-insensitive (RFC 9110).
    expect((await authenticateApiKey(h.db, `bearer ${c.key}`)).keyId).toBe(c.id);
  });

  test("missing, malformed, unknown and look-alike keys are UNAUTHORIZED", async () => {
    const a = await createActor(h.services);
    const { key } = await a.caller.apiKeys.create({ name: "k" });
    await expectUnauthorized(null);
    await expectUnauthorized("");
    await expectUnauthorized(key); // no scheme
    await expectUnauthorized(`Basic ${Buffer.from(`${key}:`).toString("base64")}`);
    await expectUnauthorized("Bearer ");
    await expectUnauthorized(`Bearer ${key.slice(0, -1)}`);
    await expectUnauthorized(`Bearer ${key}x`);
    await expectUnauthorized(`Bearer ${key.replace("hk_live_", "hk_test_")}`);
    await expectUnauthorized(`Bearer hk_live_${"A".repeat(32)}`);
    await expectUnauthorized(`Bearer ${"hk_live_".padEnd(10_000, "a")}`);
    // The hash itself is not a credential.
    await expectUnauthorized(`Bearer ${sha256(key)}`);
  });

  test("a revoked key is refused at once; revoking twice is harmless", async () => {
    const a = await createActor(h.services);
    const { id, key } = await a.caller.apiKeys.create({ name: "to revoke" });
    await authenticateApiKey(h.db, bearer(key));
    expect(await a.caller.apiKeys.revoke({ id })).toMatchObject({ id });
    const err = await expectUnauthorized(bearer(key));
    expect(err.message).toMatch(/revoked/i);
    const [listed] = await a.caller.apiKeys.list();
    expect(listed!.revokedAt).toBeInstanceOf(Date);
    const revokedAt = listed!.revokedAt!.getTime();
    await a.caller.apiKeys.revoke({ id });
    expect((await storedRow(id)).revokedAt!.getTime()).toBe(revokedAt);
  });

  test("keys of a suspended account are refused", async () => {
    const a = await createActor(h.services);
    const { key } = await a.caller.apiKeys.create({ name: "k" });
    await h.db.update(accounts).set({ status: "suspended" }).where(eq(accounts.id, a.accountId));
    await expectUnauthorized(bearer(key));
  });

  test("last_used_at is written on first use, then at most once a minute", async () => {
    const a = await createActor(h.services);
    const { id, key } = await a.caller.apiKeys.create({ name: "busy" });
    expect((await storedRow(id)).lastUsedAt).toBeNull();

    const before = Date.now();
    await authenticateApiKey(h.db, bearer(key));
    const first = (await storedRow(id)).lastUsedAt!;
    expect(first.getTime()).toBeGreaterThanOrEqual(before - 1000);

    // A burst within the minute writes nothing more.
    await Promise.all(Array.from({ length: 10 }, () => authenticateApiKey(h.db, bearer(key))));
    expect((await storedRow(id)).lastUsedAt!.getTime()).toBe(first.getTime());

    // Once the stored value is over a minute old, the next use refreshes it.
    const stale = new Date(Date.now() - 61_000);
    await h.db.update(apiKeys).set({ lastUsedAt: stale }).where(eq(apiKeys.id, id));
    await authenticateApiKey(h.db, bearer(key));
    const refreshed = (await storedRow(id)).lastUsedAt!;
    expect(refreshed.getTime()).toBeGreaterThan(stale.getTime() + 30_000);
    const [listed] = await a.caller.apiKeys.list();
    expect(listed!.lastUsedAt!.getTime()).toBe(refreshed.getTime());
  });

  test("createApiKey works without tRPC (the seed calls it directly)", async () => {
    const a = await createActor(h.services);
    const created = await createApiKey({ db: h.db, actor: a.actor }, { name: "seed" });
    expect(await authenticateApiKey(h.db, bearer(created.key))).toMatchObject({
      accountId: a.accountId,
      keyId: created.id,
    });
  });
});
