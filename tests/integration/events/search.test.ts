import { expect, test } from "vitest";
import { eq, sql } from "drizzle-orm";
import * as eventsRoute from "@/app/api/v1/events/route";
import { deliveries } from "@/db/schema";
import { createApiKey } from "@/server/api-keys/create-api-key";
import type { Actor } from "@/server/auth/actor";
import { listDeliveries } from "@/server/delivery/log/list-deliveries";
import { ingestEvents } from "@/server/events/ingest-events";
import { listEvents } from "@/server/events/list-events";
import { parseSearchTerm } from "@/server/events/search-term";
import { createActor } from "@/tests/helpers/actors";
import { setupIntegration } from "@/tests/helpers/integration";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { restClient } from "@/tests/helpers/rest-client";

const h = setupIntegration();

const runner = { enqueue: async () => {} };

const dlr = (tx: string, mobile: string) => ({
  type: "sms.dlr" as const,
  data: { transaction_id: tx, message_id: `msg-${tx}`, mobile, status: "delivered" },
});

async function account() {
  const user = await createActor(h.services);
  const actor: Actor = { userId: user.userId, accountId: user.accountId, role: "customer" };
  const ep = await insertEndpoint(h.db, actor.accountId, "http://127.0.0.1:9/hook", {
    eventTypes: ["sms.dlr", "sms.mo"],
  });
  const ingest = async (event: { type: "sms.dlr" | "sms.mo"; data: Record<string, unknown> }) =>
    ((await ingestEvents({ db: h.db, actor, runner }, event)) as { id: string }).id;
  return { actor, ep, ingest };
}

test("search terms: ids Hookline issued, else a value; phone-like values also as digits", () => {
  expect(parseSearchTerm("evt_01m8my799qq2wfhzj7p3ar0y8n")).toEqual({
    kind: "event",
    id: "evt_01m8my799qq2wfhzj7p3ar0y8n",
  });
  expect(parseSearchTerm(" dlv_01m8my799qq2wfhzj7p3ar0y8n ")).toMatchObject({ kind: "delivery" });
  expect(parseSearchTerm("+91 98765 00001")).toEqual({ kind: "key", value: "+91 98765 00001", mobile: "919876500001" });
  expect(parseSearchTerm("shdgMj33hk8")).toEqual({ kind: "key", value: "shdgMj33hk8", mobile: null });
});

test("finds events by transaction_id, message_id, mobile (with or without +), event id and delivery id; never another account's", async () => {
  const a = await account();
  const b = await account();
  const first = await a.ingest(dlr("81934341034091431", "919876500001"));
  const second = await a.ingest(dlr("81934341034091432", "+919876500001"));
  const reply = await a.ingest({
    type: "sms.mo",
    data: { message_id: "mo-7731920", from: "919876500001", to: "56161", text: "STOP", received_time: "x" },
  });
  await a.ingest(dlr("11111111111111111", "919800000000"));
  const theirs = await b.ingest(dlr("81934341034091431", "919876500001"));

  const ids = async (search: string) =>
    (await listEvents({ db: h.db, actor: a.actor }, { search })).data.map((e) => e.id);

  expect(await ids("81934341034091431")).toEqual([first]);
  expect(await ids("msg-81934341034091432")).toEqual([second]);
  expect(await ids("mo-7731920")).toEqual([reply]);
  // The mobile: `mobile` of DLRs and `from` of replies, stored with or without +, searched either way.
  expect(await ids("919876500001")).toEqual([reply, second, first]);
  expect(await ids("+91 98765 00001")).toEqual([reply, second, first]);
  expect(await ids(first)).toEqual([first]);
  const [delivery] = await h.db.select().from(deliveries).where(eq(deliveries.eventId, second));
  expect(await ids(delivery!.id)).toEqual([second]);
  expect(await ids(theirs)).toEqual([]);
  expect(await ids("no-such-thing")).toEqual([]);
  // Filters narrow a search; pages go on from the cursor.
  expect(
    (await listEvents({ db: h.db, actor: a.actor }, { search: "919876500001", type: "sms.dlr" })).data.map((e) => e.id),
  ).toEqual([second, first]);
  const page1 = await listEvents({ db: h.db, actor: a.actor }, { search: "919876500001", limit: 2 });
  expect(page1.data.map((e) => e.id)).toEqual([reply, second]);
  const page2 = await listEvents(
    { db: h.db, actor: a.actor },
    { search: "919876500001", limit: 2, cursor: page1.nextCursor },
  );
  expect(page2).toMatchObject({ data: [{ id: first }], nextCursor: null });

  // An endpoint's deliveries, searched the same way.
  const found = await listDeliveries(
    { db: h.db, actor: a.actor },
    { endpointId: a.ep.id, search: "81934341034091432" },
  );
  expect(found.data.map((d) => d.id)).toEqual([delivery!.id]);
  expect(
    (await listDeliveries({ db: h.db, actor: a.actor }, { endpointId: a.ep.id, search: delivery!.id })).data,
  ).toHaveLength(1);
  expect((await listDeliveries({ db: h.db, actor: b.actor }, { search: delivery!.id })).data).toEqual([]);
});

test("GET /api/v1/events?search= answers from the same search", async () => {
  const a = await account();
  const id = await a.ingest(dlr("99990000111122223", "919811111111"));
  const { key } = await createApiKey({ db: h.db, actor: a.actor }, { name: "search" });
  const { call } = restClient({ db: h.db, runner: h.runner });
  const res = await call(eventsRoute.GET, "GET", {}, { key, path: "/api/v1/events?search=%2B919811111111" });
  expect(res.status).toBe(200);
  expect(res.data.data.map((e: { id: string }) => e.id)).toEqual([id]);
  const bad = await call(eventsRoute.GET, "GET", {}, { key, path: "/api/v1/events?search=" });
  expect(bad.status).toBe(422);
});

test("the search is answered from the indexes, not a scan of the account's events", async () => {
  const a = await account();
  const plan = async (sqlText: string) => JSON.stringify(await h.db.execute(sql.raw(`explain ${sqlText}`)));
  const where = `account_id = '${a.actor.accountId}'`;
  await h.db.execute(sql.raw("set enable_seqscan = off"));
  expect(await plan(`select id from events where ${where} and (data ->> 'transaction_id') = 'x'`)).toContain(
    "events_search_transaction_idx",
  );
  expect(
    await plan(
      `select id from events where ${where} and regexp_replace(coalesce(data ->> 'mobile', data ->> 'from', data ->> 'mobile_number'), '[^0-9]', '', 'g') = '9198'`,
    ),
  ).toContain("events_search_mobile_idx");
  await h.db.execute(sql.raw("set enable_seqscan = on"));
});
