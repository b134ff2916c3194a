import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { endpoints, wabaNumbers } from "@/db/schema";
import { DomainError } from "@/server/errors";
import { anonymousCaller, createActor } from "@/tests/helpers/actors";
import { setupIntegration } from "@/tests/helpers/integration";
import { insertEndpoint } from "@/tests/helpers/endpoints";

const h = setupIntegration();

/** The DomainError a tRPC call failed with (its field issues travel in `cause`). */
async function domainError(call: Promise<unknown>): Promise<DomainError> {
  const err = await call.then(
    () => null,
    (e: unknown) => e as { cause?: unknown },
  );
  expect(err?.cause).toBeInstanceOf(DomainError);
  return err!.cause as DomainError;
}

test("add and list: digits kept without '+', label optional, oldest first", async () => {
  const a = await createActor(h.services);
  const first = await a.caller.wabaNumbers.add({ number: "+919876543210", label: " Main line " });
  const second = await a.caller.wabaNumbers.add({ number: "14155550123" });
  expect(first).toMatchObject({ number: "919876543210", label: "Main line" });
  expect(second).toMatchObject({ number: "14155550123", label: null });
  expect(first.id).toMatch(/^waba_/);
  const list = await a.caller.wabaNumbers.list();
  expect(list.map((n) => n.number)).toEqual(["919876543210", "14155550123"]);
  expect(list[0]).toEqual({ id: first.id, number: "919876543210", label: "Main line", createdAt: first.createdAt });
});

test("numbers must be 8–15 digits", async () => {
  const a = await createActor(h.services);
  for (const number of ["1234567", "1234567890123456", "91987654321a", "", "   ", "+", "９１９８７６５４３２１０"]) {
    await expect(a.caller.wabaNumbers.add({ number }), number).rejects.toMatchObject({ code: "BAD_REQUEST" });
  }
  await expect(a.caller.wabaNumbers.add({ number: "12345678" })).resolves.toMatchObject({ number: "12345678" });
  // Spaces, dashes and a leading + as people paste them are normalised away.
  await expect(a.caller.wabaNumbers.add({ number: "+91 98765 00001" })).resolves.toMatchObject({
    number: "919876500001",
  });
  await expect(a.caller.wabaNumbers.add({ number: "123456789012345" })).resolves.toMatchObject({
    number: "123456789012345",
  });
  await expect(a.caller.wabaNumbers.add({ number: "919876543210", label: "x".repeat(101) })).rejects.toMatchObject({
    code: "BAD_REQUEST",
  });
});

test("a number is unique per account (with or without '+'), but two accounts may both have it", async () => {
  const a = await createActor(h.services);
  const b = await createActor(h.services);
  await a.caller.wabaNumbers.add({ number: "919876543210" });
  await expect(a.caller.wabaNumbers.add({ number: "919876543210" })).rejects.toMatchObject({ code: "CONFLICT" });
  const err = await domainError(a.caller.wabaNumbers.add({ number: "+919876543210", label: "again" }));
  expect(err.code).toBe("CONFLICT");
  expect(err.issues).toEqual([expect.objectContaining({ path: ["number"] })]);
  await expect(b.caller.wabaNumbers.add({ number: "919876543210" })).resolves.toMatchObject({ number: "919876543210" });
  expect(await a.caller.wabaNumbers.list()).toHaveLength(1);
});

test("remove: gone from the list; another account's number is NOT_FOUND and stays", async () => {
  const a = await createActor(h.services);
  const b = await createActor(h.services);
  const mine = await a.caller.wabaNumbers.add({ number: "919800000001" });
  const theirs = await b.caller.wabaNumbers.add({ number: "919800000002" });
  expect(await a.caller.wabaNumbers.list()).toHaveLength(1);
  expect((await b.caller.wabaNumbers.list()).map((n) => n.id)).toEqual([theirs.id]);

  await expect(a.caller.wabaNumbers.remove({ id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  expect(await h.db.select().from(wabaNumbers).where(eq(wabaNumbers.id, theirs.id))).toHaveLength(1);

  await expect(a.caller.wabaNumbers.remove({ id: mine.id })).resolves.toEqual({ id: mine.id });
  expect(await a.caller.wabaNumbers.list()).toEqual([]);
  await expect(a.caller.wabaNumbers.remove({ id: mine.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
});

test("a number used by a webhook cannot be removed (CONFLICT naming it) until the webhook is gone", async () => {
  const a = await createActor(h.services);
  const n = await a.caller.wabaNumbers.add({ number: "919811111111" });
  const ep = await insertEndpoint(h.db, a.accountId, "https://hooks.example.com/wa", {
    product: "whatsapp",
    reportType: "dlr",
    eventTypes: ["whatsapp.dlr"],
    wabaNumber: "919811111111",
  });
  const err = await domainError(a.caller.wabaNumbers.remove({ id: n.id }));
  expect(err.code).toBe("CONFLICT");
  expect(err.message).toContain("919811111111");
  expect(err.message).toContain(ep.id);
  expect(await a.caller.wabaNumbers.list()).toHaveLength(1);

  // Another account's webhook on the same number does not block this account.
  const b = await createActor(h.services);
  const bn = await b.caller.wabaNumbers.add({ number: "919811111111" });
  await expect(b.caller.wabaNumbers.remove({ id: bn.id })).resolves.toEqual({ id: bn.id });

  await h.db.delete(endpoints).where(eq(endpoints.id, ep.id));
  await expect(a.caller.wabaNumbers.remove({ id: n.id })).resolves.toEqual({ id: n.id });
});

test("a WhatsApp webhook can only use one of the account's own numbers", async () => {
  const a = await createActor(h.services);
  const b = await createActor(h.services);
  await b.caller.wabaNumbers.add({ number: "919822222222" });
  const input = {
    url: "https://hooks.example.com/wa",
    product: "whatsapp" as const,
    reportType: "dlr" as const,
    method: "JSON" as const,
    wabaNumber: "919822222222",
  };
  const err = await domainError(a.caller.endpoints.create(input));
  expect(err.code).toBe("INVALID");
  expect(err.issues?.map((i) => i.path)).toContainEqual(["wabaNumber"]);

  await a.caller.wabaNumbers.add({ number: "919822222222" });
  const created = await a.caller.endpoints.create(input);
  expect(created.endpoint.wabaNumber).toBe("919822222222");
});

test("signed-out callers get UNAUTHORIZED", async () => {
  const anon = anonymousCaller(h.services);
  await expect(anon.wabaNumbers.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  await expect(anon.wabaNumbers.add({ number: "919876543210" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  await expect(anon.wabaNumbers.remove({ id: "waba_x" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
});
