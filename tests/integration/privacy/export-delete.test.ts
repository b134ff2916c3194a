import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { accounts } from "@/db/schema";
import { queryRows } from "@/db";
import { recordEvents } from "@/server/events/record-events";
import { startAppServer } from "@/tests/helpers/app-server";
import { BrowserSession } from "@/tests/helpers/browser-session";
import { setupIntegration } from "@/tests/helpers/integration";
import { createActor } from "@/tests/helpers/actors";

const h = setupIntegration();
let app: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  app = await startAppServer(h.services);
});
afterAll(async () => {
  await app?.close();
});

let n = 0;
/** A signed-in customer with an endpoint (with a secret header), an API key and one event delivered to it. */
async function populated(opts: { role?: "customer" | "reseller"; resellerId?: string } = {}) {
  const u = await createActor(h.services, opts);
  const b = new BrowserSession(app.url, `198.51.100.${100 + ++n}`);
  await b.signIn(u.input.email, u.input.password);
  const ep = await b.trpc("mutation", "endpoints.create", {
    url: "https://example.com/hook",
    product: "sms",
    reportType: "dlr",
    method: "JSON",
    customHeaders: [{ name: "X-Api-Token", value: "very-secret-token" }],
  });
  await b.trpc("mutation", "apiKeys.create", { name: "export key" });
  const recorded = await recordEvents(h.db, u.accountId, [
    { type: "sms.dlr", data: { transaction_id: "t", message_id: "m", mobile: "919812345678", status: "delivered" } },
  ]);
  return { u, b, endpointId: (ep.data as { endpoint: { id: string } }).endpoint.id, eventId: recorded.ids[0]! };
}

const rowsOf = async (table: string, accountId: string) =>
  (
    await queryRows<{ n: number }>(
      h.db,
      sql.raw(`select count(*)::int as n from ${table} where account_id = '${accountId}'`),
    )
  )[0]!.n;

describe("account export", () => {
  test("the account's own endpoints, events and deliveries — no secrets, no other account", async () => {
    const mine = await populated();
    const theirs = await populated();
    const res = await mine.b.trpc("mutation", "account.export");
    expect(res.status, res.text).toBe(200);
    const data = res.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(data.account.id).toBe(mine.u.accountId);
    expect(data.endpoints.map((e: { id: string }) => e.id)).toEqual([mine.endpointId]);
    expect(data.events.map((e: { id: string }) => e.id)).toEqual([mine.eventId]);
    expect(data.events[0].data.mobile).toBe("9198XXXXX678");
    expect(data.deliveries).toHaveLength(1);
    expect(data.deliveries[0].endpointId).toBe(mine.endpointId);
    expect(data.apiKeys).toHaveLength(1);
    expect(data.users[0].email).toBe(mine.u.input.email);

    const text = res.text;
    expect(text).not.toContain("very-secret-token");
    expect(text).not.toMatch(/whsec_|hk_live_[A-Za-z0-9]{20}|\$argon2|keyHash|passwordHash|secretEnc/);
    expect(text).not.toContain(theirs.u.accountId);
    expect(text).not.toContain(theirs.eventId);
  });
});

describe("account deletion", () => {
  test("deletes everything the account owns, and nothing of anyone else", async () => {
    const doomed = await populated();
    const bystander = await populated();
    const wrong = await doomed.b.trpc("mutation", "account.delete", { password: "not-it-123", confirm: "DELETE" });
    expect(wrong.status).toBe(400);
    const unconfirmed = await doomed.b.trpc("mutation", "account.delete", {
      password: doomed.u.input.password,
      confirm: "yes",
    });
    expect(unconfirmed.status).toBe(400);

    const res = await doomed.b.trpc("mutation", "account.delete", {
      password: doomed.u.input.password,
      confirm: "DELETE",
    });
    expect(res.data).toEqual({ deleted: true, detachedCustomers: 0 });
    for (const table of ["users", "endpoints", "events", "deliveries", "api_keys"])
      expect(await rowsOf(table, doomed.u.accountId)).toBe(0);
    expect(await h.db.select().from(accounts).where(eq(accounts.id, doomed.u.accountId))).toEqual([]);
    // The session is over, and the bystander is untouched.
    expect((await doomed.b.trpc("query", "account.me")).status).toBe(401);
    expect(await rowsOf("events", bystander.u.accountId)).toBe(1);
    expect((await bystander.b.trpc("query", "account.me")).status).toBe(200);
  });

  test("a reseller's customers keep their accounts, detached", async () => {
    const reseller = await populated({ role: "reseller" });
    const customer = await populated({ resellerId: reseller.u.accountId });
    const res = await reseller.b.trpc("mutation", "account.delete", {
      password: reseller.u.input.password,
      confirm: "DELETE",
    });
    expect(res.data).toEqual({ deleted: true, detachedCustomers: 1 });
    const [row] = await h.db.select().from(accounts).where(eq(accounts.id, customer.u.accountId));
    expect(row).toMatchObject({ status: "active", resellerId: null });
    expect(await rowsOf("events", customer.u.accountId)).toBe(1);
    expect((await customer.b.trpc("query", "account.me")).status).toBe(200);
  });
});
