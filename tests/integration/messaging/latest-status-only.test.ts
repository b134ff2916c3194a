import { expect, test } from "vitest";
import { and, eq } from "drizzle-orm";
import { deliveries } from "@/db/schema";
import { listDeliveries } from "@/server/delivery/log/list-deliveries";
import { startReplay } from "@/server/delivery/replay/start-replay";
import { countReplayableDeliveries } from "@/server/delivery/replay/count-replayable-deliveries";
import { setEndpointStatus } from "@/server/endpoints/set-endpoint-status";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";
import type { ReceivedRequest } from "@/tests/helpers/receiver";
import { until } from "@/tests/helpers/wait-until";

const h = setupIntegration({ runner: { idlePollMs: 50, attempt: { allowPrivateNetworks: true } }, receiver: true });

const dlr = (messageId: string, status: string) => ({
  type: "sms.dlr",
  data: { ...sampleEvent("sms.dlr").data, message_id: messageId, status },
});
const bodyOf = (r: ReceivedRequest) => JSON.parse(r.body) as { data: { message_id: string; status: string } };

test("paused with 3 statuses × 100 messages waiting: on resume 100 requests, each the final status; 200 superseded in the log; replay leaves them unless asked", async () => {
  const me = await createActor(h.services);
  const ctx = { ...h.services, actor: me.actor };
  const ep = await insertEndpoint(h.db, me.accountId, `${h.receiver.url}/latest`, {
    orderedDelivery: true,
    latestStatusOnly: true,
    status: "paused",
  });
  const messages = Array.from({ length: 100 }, (_, i) => `msg-${i}`);
  // Final statuses differ: read for most, undelivered (final, wins over delivered) for every tenth.
  const last = (i: number) => (i % 10 === 0 ? "undelivered" : "read");
  for (const status of ["submitted", "delivered"])
    await ingestEvents(ctx, { events: messages.map((m) => dlr(m, status)) });
  await ingestEvents(ctx, { events: messages.map((m, i) => dlr(m, last(i))) });
  expect(h.receiver.requests.filter((r) => r.url === "/latest")).toHaveLength(0);

  await setEndpointStatus(ctx, { id: ep.id, status: "active" });
  const rows = await until(
    () => h.db.select().from(deliveries).where(eq(deliveries.endpointId, ep.id)),
    (r) => r.every((d) => d.status === "succeeded" || d.status === "superseded"),
    30_000,
  );
  await new Promise((r) => setTimeout(r, 300)); // nothing else is on its way
  const got = h.receiver.requests.filter((r) => r.url === "/latest").map((r) => bodyOf(r).data);
  expect(got).toHaveLength(100);
  expect(new Set(got.map((d) => d.message_id)).size).toBe(100);
  for (const d of got) expect(d.status).toBe(last(Number(d.message_id.slice(4))));

  const superseded = rows.filter((d) => d.status === "superseded");
  expect(superseded).toHaveLength(200);
  // Each names the delivery that went instead: the one of the same message that succeeded.
  const byId = new Map(rows.map((d) => [d.id, d]));
  for (const d of superseded) {
    const winner = byId.get(d.supersededBy!)!;
    expect(winner.status).toBe("succeeded");
    expect(winner.orderingKey).toBe(d.orderingKey);
    expect(d.attempts).toBe(0);
  }
  // The log lists them as superseded (not failed), with what replaced them.
  const listed = await listDeliveries(ctx, { endpointId: ep.id, status: "superseded", limit: 100 });
  expect(listed.data).toHaveLength(100);
  expect(listed.data.every((d) => d.supersededBy !== null)).toBe(true);
  expect((await listDeliveries(ctx, { endpointId: ep.id, status: "failed" })).data).toHaveLength(0);

  // Replay takes failed deliveries only, unless superseded ones are asked for.
  const preview = await countReplayableDeliveries(ctx, { endpointId: ep.id });
  expect(preview.count).toBe(0);
  const asked = await countReplayableDeliveries(ctx, { endpointId: ep.id, includeSuperseded: true });
  expect(asked.count).toBe(200);
  const replay = await startReplay(ctx, { endpointId: ep.id, includeSuperseded: true });
  expect(replay.replay.total).toBe(200);
  const resent = await until(
    () =>
      h.db
        .select()
        .from(deliveries)
        .where(and(eq(deliveries.endpointId, ep.id), eq(deliveries.status, "succeeded"))),
    (r) => r.length === 300,
    30_000,
  );
  expect(resent).toHaveLength(300);
}, 90_000);

test("no backlog, nothing superseded: a status that arrives while the one before is in flight is still sent", async () => {
  const me = await createActor(h.services);
  const ctx = { ...h.services, actor: me.actor };
  const receiver = await h.startReceiver(() => ({ delayMs: 200 }));
  const ep = await insertEndpoint(h.db, me.accountId, `${receiver.url}/x`, {
    orderedDelivery: true,
    latestStatusOnly: true,
  });
  await ingestEvents(ctx, dlr("solo", "submitted"));
  await receiver.waitFor(1);
  await ingestEvents(ctx, dlr("solo", "delivered")); // waits for submitted, alone: sent
  await receiver.waitFor(2);
  const rows = await until(
    () => h.db.select().from(deliveries).where(eq(deliveries.endpointId, ep.id)),
    (r) => r.every((d) => d.status === "succeeded"),
  );
  expect(rows.map((d) => d.status)).toEqual(["succeeded", "succeeded"]);
  expect(receiver.requests.map((r) => bodyOf(r).data.status)).toEqual(["submitted", "delivered"]);
});
