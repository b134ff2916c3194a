import { eq, inArray } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { deliveries, events } from "@/db/schema";
import { sampleEvent, type EventType } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor, type TestActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";

const h = setupIntegration();
let a: TestActor;
let b: TestActor;
const HOUR = 3600_000;
const base = Date.now() - 24 * HOUR;
const at = (hoursAfterBase: number) => new Date(base + hoursAfterBase * HOUR);
/** e1 … e6 of account A, created one hour apart (e1 oldest). */
const ids: Record<string, string> = {};

async function ingest(actor: TestActor, type: EventType, createdAt: Date) {
  // The fixture's runner is never started: deliveries stay pending until the test sets them.
  const { id } = (await ingestEvents({ ...h.services, actor: actor.actor }, sampleEvent(type))) as {
    id: string;
  };
  await h.db.update(events).set({ createdAt }).where(eq(events.id, id));
  return id;
}

/** Sets the statuses of an event's deliveries, in delivery-id order. */
async function setStatuses(eventId: string, statuses: (typeof deliveries.$inferSelect.status)[]) {
  const rows = await h.db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(eq(deliveries.eventId, eventId))
    .orderBy(deliveries.id);
  expect(rows).toHaveLength(statuses.length);
  for (const [i, row] of rows.entries())
    await h.db.update(deliveries).set({ status: statuses[i]! }).where(eq(deliveries.id, row.id));
}

beforeAll(async () => {
  a = await createActor(h.services);
  b = await createActor(h.services);
  await insertEndpoint(h.db, a.accountId, "https://a.example.com/one", { eventTypes: ["sms.dlr", "link.click"] });
  await insertEndpoint(h.db, a.accountId, "https://a.example.com/two", { eventTypes: ["sms.dlr"] });
  await insertEndpoint(h.db, b.accountId, "https://b.example.com/hook", { eventTypes: ["sms.dlr", "sms.mo"] });

  ids.e1 = await ingest(a, "sms.dlr", at(1));
  ids.e2 = await ingest(a, "sms.dlr", at(2));
  ids.e3 = await ingest(a, "sms.dlr", at(3));
  ids.e4 = await ingest(a, "link.click", at(4));
  ids.e5 = await ingest(a, "sms.mo", at(5));
  ids.e6 = await ingest(a, "sms.dlr", at(6));
  await setStatuses(ids.e1, ["succeeded", "succeeded"]);
  await setStatuses(ids.e2, ["succeeded", "failed"]);
  await setStatuses(ids.e3, ["retrying", "succeeded"]);
  await setStatuses(ids.e4, ["sending"]);
  await setStatuses(ids.e6, ["failed", "pending"]);
  // Account B's events at the same times: never in A's lists.
  for (let i = 1; i <= 6; i++) await ingest(b, i % 2 ? "sms.dlr" : "sms.mo", at(i));
});

const listIds = async (input: Parameters<TestActor["caller"]["events"]["list"]>[0] = {}) =>
  (await a.caller.events.list(input)).data.map((e) => e.id);

test("newest first, with delivery counts and the overall status of each event", async () => {
  const { data, nextCursor } = await a.caller.events.list({});
  expect(data.map((e) => e.id)).toEqual([ids.e6, ids.e5, ids.e4, ids.e3, ids.e2, ids.e1]);
  expect(nextCursor).toBeNull();
  const byId = new Map(data.map((e) => [e.id, e]));
  expect(byId.get(ids.e1!)).toMatchObject({
    type: "sms.dlr",
    status: "succeeded",
    deliveries: { total: 2, succeeded: 2, failed: 0, inFlight: 0 },
  });
  expect(byId.get(ids.e2!)).toMatchObject({
    status: "failed",
    deliveries: { total: 2, succeeded: 1, failed: 1, inFlight: 0 },
  });
  expect(byId.get(ids.e3!)).toMatchObject({
    status: "pending",
    deliveries: { total: 2, succeeded: 1, failed: 0, inFlight: 1 },
  });
  expect(byId.get(ids.e4!)).toMatchObject({
    type: "link.click",
    status: "pending",
    deliveries: { total: 1, inFlight: 1 },
  });
  expect(byId.get(ids.e5!)).toMatchObject({
    type: "sms.mo",
    status: "no_endpoints",
    deliveries: { total: 0, succeeded: 0, failed: 0, inFlight: 0 },
  });
  expect(byId.get(ids.e6!)).toMatchObject({ status: "failed", deliveries: { total: 2, failed: 1, inFlight: 1 } });
  expect(byId.get(ids.e1!)!.createdAt.getTime()).toBe(at(1).getTime());
});

test("filters by event type and by status", async () => {
  expect(await listIds({ type: "link.click" })).toEqual([ids.e4]);
  expect(await listIds({ type: "sms.dlr" })).toEqual([ids.e6, ids.e3, ids.e2, ids.e1]);
  expect(await listIds({ type: "whatsapp.mo" })).toEqual([]);
  expect(await listIds({ status: "succeeded" })).toEqual([ids.e1]);
  expect(await listIds({ status: "failed" })).toEqual([ids.e6, ids.e2]);
  expect(await listIds({ status: "pending" })).toEqual([ids.e6, ids.e4, ids.e3]);
  expect(await listIds({ status: "no_endpoints" })).toEqual([ids.e5]);
  expect(await listIds({ type: "sms.dlr", status: "pending" })).toEqual([ids.e6, ids.e3]);
});

test("filters by time range: from inclusive, to exclusive; strings are accepted (URL / REST)", async () => {
  expect(await listIds({ from: at(3), to: at(5) })).toEqual([ids.e4, ids.e3]);
  expect(await listIds({ from: at(4.5) })).toEqual([ids.e6, ids.e5]);
  expect(await listIds({ to: at(2.5) })).toEqual([ids.e2, ids.e1]);
  expect(
    await listIds({ from: at(2).toISOString() as unknown as Date, to: at(3).toISOString() as unknown as Date }),
  ).toEqual([ids.e2]);
  expect(await listIds({ from: at(7) })).toEqual([]);
});

test("cursor pages walk every event once, also with filters", async () => {
  const seen: string[][] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<TestActor["caller"]["events"]["list"]>> = await a.caller.events.list({
      limit: 4,
      cursor,
    });
    seen.push(page.data.map((e) => e.id));
    cursor = page.nextCursor;
  } while (cursor);
  expect(seen).toEqual([
    [ids.e6, ids.e5, ids.e4, ids.e3],
    [ids.e2, ids.e1],
  ]);

  const first = await a.caller.events.list({ status: "pending", limit: 2 });
  expect(first.data.map((e) => e.id)).toEqual([ids.e6, ids.e4]);
  expect(first.nextCursor).toBe(ids.e4);
  const second = await a.caller.events.list({ status: "pending", limit: 2, cursor: first.nextCursor });
  expect(second.data.map((e) => e.id)).toEqual([ids.e3]);
  expect(second.nextCursor).toBeNull();
});

test("events recorded in one transaction (same created_at) page without gaps or repeats", async () => {
  const c = await createActor(h.services);
  const { ids: batch } = (await ingestEvents(
    { ...h.services, actor: c.actor },
    { events: Array.from({ length: 7 }, () => sampleEvent("sms.mo")) },
  )) as { ids: string[] };
  const stamps = await h.db
    .selectDistinct({ createdAt: events.createdAt })
    .from(events)
    .where(inArray(events.id, batch));
  expect(stamps).toHaveLength(1);
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<TestActor["caller"]["events"]["list"]>> = await c.caller.events.list({
      limit: 3,
      cursor,
    });
    seen.push(...page.data.map((e) => e.id));
    cursor = page.nextCursor;
  } while (cursor);
  expect(seen).toHaveLength(7);
  expect(new Set(seen)).toEqual(new Set(batch));
  expect(seen).toEqual([...seen].sort().reverse());
});

test("tenancy: another account's events never appear, and its ids are not cursors", async () => {
  const theirs = await b.caller.events.list({});
  expect(theirs.data).toHaveLength(6);
  const mine = await listIds({ limit: 100 });
  expect(mine.some((id) => theirs.data.some((t) => t.id === id))).toBe(false);
  const err = await a.caller.events.list({ cursor: theirs.data[0]!.id }).catch((e) => e);
  expect(err.code).toBe("BAD_REQUEST");
  expect(err.cause.issues).toEqual([expect.objectContaining({ path: ["cursor"] })]);
});

test("bad filters are BAD_REQUEST with a message naming the field", async () => {
  const cases: [unknown, string][] = [
    [{ status: "done" }, "status"],
    [{ type: "sms.nope" }, "type"],
    [{ from: "yesterday" }, "from"],
    [{ from: at(5), to: at(4) }, "to"],
    [{ limit: 0 }, "limit"],
    [{ limit: 500 }, "limit"],
    [{ cursor: "dlv_01abcdefghjk" }, "cursor"],
  ];
  for (const [input, field] of cases) {
    const err = await a.caller.events.list(input as never).catch((e) => e);
    expect(err.code, JSON.stringify(input)).toBe("BAD_REQUEST");
    expect(err.cause.issues.map((i: { path: string[] }) => i.path.join("."))).toContain(field);
  }
});
