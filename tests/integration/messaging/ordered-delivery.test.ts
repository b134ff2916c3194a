import { expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { deliveries } from "@/db/schema";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";
import type { ReceivedRequest } from "@/tests/helpers/receiver";
import { until } from "@/tests/helpers/wait-until";

const h = setupIntegration();

const STATUSES = ["submitted", "delivered", "read"] as const;
const dlr = (messageId: string, status: string) => ({
  type: "sms.dlr",
  data: { ...sampleEvent("sms.dlr").data, message_id: messageId, status },
});
const bodyOf = (r: ReceivedRequest) => JSON.parse(r.body) as { data: { message_id: string; status: string } };

test("200 messages × (submitted, delivered, read), every submitted refused once: each message arrives in order, and one message's retries hold up no other", async () => {
  const MESSAGES = 200;
  const me = await createActor(h.services);
  const seen = new Set<string>();
  let othersDone = false;
  const ok = new Map<string, string[]>(); // message → statuses acknowledged, in arrival order
  const receiver = await h.startReceiver((req) => {
    const { data } = bodyOf(req);
    const id = String(req.headers["webhook-id"]);
    const first = !seen.has(id);
    seen.add(id);
    // Every submitted fails its first attempt; m-stuck's keeps failing until all others are done.
    // (500, not 503: a 503 asks for less traffic, and adaptive throttling would slow the endpoint.)
    if (data.status === "submitted" && (first || (data.message_id === "m-stuck" && !othersDone)))
      return { status: 500 };
    ok.set(data.message_id, [...(ok.get(data.message_id) ?? []), data.status]);
  });
  await insertEndpoint(h.db, me.accountId, `${receiver.url}/hook`, { orderedDelivery: true });
  const runner = h.startRunner({
    idlePollMs: 50,
    attempt: { allowPrivateNetworks: true, schedule: [0, ...Array(40).fill(300)] },
  });
  const ids = ["m-stuck", ...Array.from({ length: MESSAGES - 1 }, (_, i) => `m-${i}`)];

  const started = performance.now();
  // The statuses of all messages in three waves, as an SMS gateway reports them.
  for (const status of STATUSES)
    await ingestEvents({ db: h.db, actor: me.actor, runner }, { events: ids.map((m) => dlr(m, status)) });

  const others = ids.slice(1);
  await until(
    async () => others.filter((m) => ok.get(m)?.length === 3).length,
    (n) => n === others.length,
    60_000,
  );
  const othersMs = performance.now() - started;
  const unfinished = others.filter((m) => ok.get(m)?.length !== 3);
  if (unfinished.length) {
    // What the database says about them, to tell a lost release from a slow machine.
    const rows = await h.db.select().from(deliveries).where(eq(deliveries.accountId, me.accountId));
    console.log(
      JSON.stringify(
        rows.filter((d) => unfinished.includes(d.orderingKey!)),
        null,
        1,
      ),
    );
  }
  const stuckSoFar = [...(ok.get("m-stuck") ?? [])];
  othersDone = true;
  await until(
    async () => ok.get("m-stuck")?.length ?? 0,
    (n) => n === 3,
    30_000,
  );
  const stuckAttempts = receiver.requests.filter((r) => bodyOf(r).data.message_id === "m-stuck").length;
  console.log(
    `${others.length} messages in order in ${othersMs.toFixed(0)} ms while m-stuck was still retrying ` +
      `(${stuckAttempts} requests for it in all)`,
  );

  for (const m of ids) expect(ok.get(m), m).toEqual([...STATUSES]);
  // Not held up: the other messages finished while m-stuck's submitted was still being refused,
  // and m-stuck's later statuses were never sent before its submitted went through.
  expect(stuckSoFar).toEqual([]);
  const stuck = receiver.requests
    .filter((r) => bodyOf(r).data.message_id === "m-stuck")
    .map((r) => bodyOf(r).data.status);
  expect(stuck.indexOf("delivered")).toBeGreaterThan(stuck.lastIndexOf("submitted"));
  // Nothing was sent for a status before the one before it had been acknowledged.
  for (const m of ids) {
    const sent = receiver.requests.filter((r) => bodyOf(r).data.message_id === m).map((r) => bodyOf(r).data.status);
    expect(sent.filter((s) => s !== "submitted").length, m).toBe(2);
  }
  const rows = await h.db.select().from(deliveries).where(eq(deliveries.accountId, me.accountId));
  expect(rows.every((d) => d.status === "succeeded" && d.blockedBy === null)).toBe(true);
}, 120_000);

test("different keys never wait for each other; events without a key and unordered endpoints are not ordered", async () => {
  const me = await createActor(h.services);
  const receiver = await h.startReceiver(() => ({ delayMs: 300 }));
  await insertEndpoint(h.db, me.accountId, `${receiver.url}/ordered`, {
    orderedDelivery: true,
    eventTypes: ["sms.dlr", "link.click"],
  });
  await insertEndpoint(h.db, me.accountId, `${receiver.url}/plain`, { orderedDelivery: false });
  const runner = h.startRunner({ idlePollMs: 50, attempt: { allowPrivateNetworks: true } });
  await ingestEvents(
    { db: h.db, actor: me.actor, runner },
    {
      events: [
        dlr("a", "submitted"),
        dlr("a", "delivered"),
        dlr("b", "submitted"),
        { ...dlr("c", "submitted"), orderingKey: "b" }, // its own key wins over message_id
        { type: "link.click", data: sampleEvent("link.click").data }, // no key: never waits
      ],
    },
  );
  const rows = await h.db.select().from(deliveries).where(eq(deliveries.accountId, me.accountId));
  const ordered = rows.filter((d) => d.orderingKey !== null).sort((x, y) => x.orderingSeq! - y.orderingSeq!);
  expect(ordered.map((d) => [d.orderingKey, d.orderingSeq])).toEqual(
    expect.arrayContaining([
      ["a", 1],
      ["a", 2],
      ["b", 1],
      ["b", 2],
    ]),
  );
  expect(rows.filter((d) => d.blockedBy !== null)).toHaveLength(2); // a's and b's second
  // While the first of a and b are in flight (300 ms), the unordered endpoint, the click and the
  // first of each key all went at once: 4 DLRs to /plain, a1, b1 and the click to /ordered.
  const first = await receiver.waitFor(7, 10_000);
  await new Promise((r) => setTimeout(r, 100));
  expect(first.filter((r) => r.url === "/plain")).toHaveLength(4);
  await receiver.waitFor(9, 10_000);
  const finals = await until(
    () => h.db.select().from(deliveries).where(eq(deliveries.accountId, me.accountId)),
    (r) => r.every((d) => d.status === "succeeded"),
  );
  expect(finals.every((d) => d.status === "succeeded")).toBe(true);
}, 60_000);
