import { beforeAll, expect, test } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { deliveries } from "@/db/schema";
import type { DeliveryItem } from "@/server/delivery/delivery-runner";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor, type TestActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";

const h = setupIntegration();
let me: TestActor;
let stranger: TestActor;
let epA: string;
let epB: string;
let strangerEp: string;
let strangerEventId: string;
let mine: { dlrA: string[]; dlrB: string[]; moB: string };

const noop = { enqueue: async (_: DeliveryItem[]) => {} };
const HOUR = 3600_000;

beforeAll(async () => {
  me = await createActor(h.services);
  stranger = await createActor(h.services);
  epA = (await insertEndpoint(h.db, me.accountId, "http://127.0.0.1:9/a")).id;
  epB = (await insertEndpoint(h.db, me.accountId, "http://127.0.0.1:9/b", { eventTypes: ["sms.dlr", "sms.mo"] })).id;
  strangerEp = (
    await insertEndpoint(h.db, stranger.accountId, "http://127.0.0.1:9/s", { eventTypes: ["sms.dlr", "sms.mo"] })
  ).id;

  await ingestEvents(
    { db: h.db, actor: me.actor, runner: noop },
    { events: [sampleEvent("sms.dlr"), sampleEvent("sms.mo"), sampleEvent("sms.dlr")] },
  );
  const s = (await ingestEvents(
    { db: h.db, actor: stranger.actor, runner: noop },
    { events: [sampleEvent("sms.dlr"), sampleEvent("sms.mo")] },
  )) as { ids: string[] };
  strangerEventId = s.ids[0]!;

  const rows = await me.caller.deliveries.list({ limit: 100 });
  const of = (ep: string, type: string) =>
    rows.data.filter((d) => d.endpointId === ep && d.eventType === type).map((d) => d.id);
  mine = { dlrA: of(epA, "sms.dlr"), dlrB: of(epB, "sms.dlr"), moB: of(epB, "sms.mo")[0]! };
  expect([mine.dlrA.length, mine.dlrB.length]).toEqual([2, 2]);

  // History: the two dlr deliveries to A are two days old, and failed.
  const old = new Date(Date.now() - 48 * HOUR);
  await h.db
    .update(deliveries)
    .set({ createdAt: old, status: "failed", attempts: 8, lastStatusCode: 503 })
    .where(inArray(deliveries.id, mine.dlrA));
  // The stranger has old failed deliveries too: they must never leak into my filters.
  await h.db
    .update(deliveries)
    .set({ createdAt: old, status: "failed" })
    .where(eq(deliveries.accountId, stranger.accountId));
});

const ids = (r: { data: { id: string }[] }) => r.data.map((d) => d.id).sort();

test("each filter narrows the list: event type, status, since (inclusive), until (exclusive), endpoint, event", async () => {
  const list = me.caller.deliveries.list;
  expect((await list({})).data).toHaveLength(5);
  expect(ids(await list({ eventType: "sms.mo" }))).toEqual([mine.moB]);
  expect(ids(await list({ eventType: "sms.dlr" }))).toEqual([...mine.dlrA, ...mine.dlrB].sort());
  expect(ids(await list({ status: "failed" }))).toEqual([...mine.dlrA].sort());
  expect(ids(await list({ since: new Date(Date.now() - 24 * HOUR) }))).toEqual([...mine.dlrB, mine.moB].sort());
  expect(ids(await list({ until: new Date(Date.now() - 24 * HOUR) }))).toEqual([...mine.dlrA].sort());
  expect(
    ids(
      await list({
        since: new Date(Date.now() - 72 * HOUR),
        until: new Date(Date.now() - 24 * HOUR),
        eventType: "sms.dlr",
        status: "failed",
        endpointId: epA,
      }),
    ),
  ).toEqual([...mine.dlrA].sort());
  // Strings are coerced (URL search params and REST query strings use them).
  expect(
    ids(await list({ since: new Date(Date.now() - 24 * HOUR).toISOString(), endpointId: epB, eventType: "sms.dlr" })),
  ).toEqual([...mine.dlrB].sort());
  // Row shape the log renders.
  const [row] = (await list({ status: "failed", limit: 1 })).data;
  expect(row).toMatchObject({
    status: "failed",
    attempts: 8,
    lastStatusCode: 503,
    eventType: "sms.dlr",
    endpointId: epA,
    replayId: null,
  });
});

test("cursor pages through a filtered list", async () => {
  const p1 = await me.caller.deliveries.list({ eventType: "sms.dlr", limit: 3 });
  expect(p1.data).toHaveLength(3);
  const p2 = await me.caller.deliveries.list({ eventType: "sms.dlr", limit: 3, cursor: p1.nextCursor! });
  expect(p2.data).toHaveLength(1);
  expect(p2.nextCursor).toBeNull();
  expect(new Set([...ids(p1), ...ids(p2)]).size).toBe(4);
});

test("tenant scope: another account's endpoint or event id matches nothing, and get/retry by id are NOT_FOUND", async () => {
  const list = me.caller.deliveries.list;
  expect((await list({ endpointId: strangerEp })).data).toEqual([]);
  expect((await list({ eventId: strangerEventId })).data).toEqual([]);
  expect(
    (await list({ endpointId: strangerEp, status: "failed", eventType: "sms.dlr", until: new Date() })).data,
  ).toEqual([]);
  // Without filters each account sees only its own.
  const theirs = await stranger.caller.deliveries.list({});
  expect(theirs.data).toHaveLength(2);
  expect(theirs.data.every((d) => d.endpointId === strangerEp)).toBe(true);
  expect((await stranger.caller.deliveries.list({ endpointId: epA })).data).toEqual([]);

  await expect(stranger.caller.deliveries.get({ id: mine.dlrA[0]! })).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(stranger.caller.deliveries.retry({ id: mine.dlrA[0]! })).rejects.toMatchObject({ code: "NOT_FOUND" });
  // The refused retry changed nothing.
  const [row] = await h.db.select().from(deliveries).where(eq(deliveries.id, mine.dlrA[0]!));
  expect(row!.status).toBe("failed");
});

test("get: the owner sees the delivery with its event and (empty) attempt log", async () => {
  const detail = await me.caller.deliveries.get({ id: mine.moB });
  expect(detail).toMatchObject({ id: mine.moB, eventType: "sms.mo", endpoint: { id: epB }, attemptLog: [] });
});

test("bad filters are BAD_REQUEST with a message naming the field, never a 500", async () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ since: "yesterday" }, "since"],
    [{ until: "2026-02-30T99:00:00Z" }, "until"],
    [{ since: "2026-02-01T00:00:00Z", until: "2026-01-01T00:00:00Z" }, "until"],
    [{ eventType: "sms.nope" }, "eventType"],
    [{ status: "lost" }, "status"],
  ];
  for (const [input, field] of cases) {
    const err = await me.caller.deliveries.list(input as never).then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(err, JSON.stringify(input)).not.toBeNull();
    expect(err!.code).toBe("BAD_REQUEST");
    expect(err!.message).toContain(field);
  }
});
