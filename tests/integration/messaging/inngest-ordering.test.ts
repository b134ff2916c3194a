import { expect, test } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { deliveries } from "@/db/schema";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { DELIVERY_REQUESTED } from "@/server/inngest/client";
import { createDeliverWebhook } from "@/server/inngest/functions/deliver-webhook";
import { setEndpointStatus } from "@/server/endpoints/set-endpoint-status";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";

/** Ordered delivery and latest status only on the Inngest runner (deliver-webhook, one run per delivery). */
const h = setupIntegration();
const enqueued: { id: string }[] = [];
const runner = { enqueue: async (items: { id: string }[]) => void enqueued.push(...items) };
// A fresh engine per run: one engine remembers the steps it has run.
const engine = () =>
  new InngestTestEngine({
    function: createDeliverWebhook({ getDeps: async () => ({ db: h.db, allowPrivateNetworks: true, schedule: [0] }) }),
  });
const dlr = (status: string) => ({
  type: "sms.dlr",
  data: { ...sampleEvent("sms.dlr").data, message_id: "inngest-msg", status },
});
const run = (deliveryId: string, endpointId: string) =>
  engine().execute({
    events: [{ name: DELIVERY_REQUESTED, data: { deliveryId, endpointId } }],
    // The hand-over to the next run is an event to Inngest: recorded here, not sent.
    steps: [{ id: "release-1", handler: () => null }],
  });

test("a waiting delivery's run ends (blocked); the one before it sends, then starts the next one's run", async () => {
  const receiver = await h.startReceiver();
  const me = await createActor(h.services);
  const ep = await insertEndpoint(h.db, me.accountId, receiver.url, { orderedDelivery: true });
  enqueued.length = 0;
  await ingestEvents({ db: h.db, actor: me.actor, runner }, { events: [dlr("submitted"), dlr("delivered")] });
  const rows = await h.db.select().from(deliveries).where(eq(deliveries.endpointId, ep.id));
  const first = rows.find((d) => d.blockedBy === null)!;
  const second = rows.find((d) => d.blockedBy === first.id)!;
  expect(enqueued.map((e) => e.id)).toEqual([first.id]); // the waiting one is not handed over

  expect((await run(second.id, ep.id)).result).toMatchObject({ status: "skipped", reason: "blocked" });
  expect(receiver.requests).toHaveLength(0);

  const { result, ctx } = await run(first.id, ep.id);
  expect(result).toMatchObject({ status: "succeeded", released: [second.id] });
  expect(ctx.step.sendEvent).toHaveBeenCalledWith("release-1", [
    {
      name: DELIVERY_REQUESTED,
      data: { deliveryId: second.id, endpointId: ep.id },
      id: `${second.id}-after-${first.id}`,
    },
  ]);
  expect((await run(second.id, ep.id)).result).toMatchObject({ status: "succeeded" });
  expect(receiver.requests.map((r) => JSON.parse(r.body).data.status)).toEqual(["submitted", "delivered"]);
});

test("latest status only: the head's run hands the most advanced status to a run of its own", async () => {
  const receiver = await h.startReceiver();
  const me = await createActor(h.services);
  const ctx = { db: h.db, actor: me.actor, runner };
  const ep = await insertEndpoint(h.db, me.accountId, receiver.url, {
    orderedDelivery: true,
    latestStatusOnly: true,
    status: "paused",
  });
  await ingestEvents(ctx, { events: [dlr("submitted"), dlr("read"), dlr("delivered")] });
  await setEndpointStatus(ctx, { id: ep.id, status: "active" });
  const rows = await h.db.select().from(deliveries).where(eq(deliveries.endpointId, ep.id));
  const head = rows.find((d) => d.blockedBy === null)!;
  const { result } = await run(head.id, ep.id);
  const winner = rows.find((d) => d.orderingSeq === 2)!; // read: final, wins over the later delivered
  expect(result).toMatchObject({ status: "skipped", reason: "superseded", released: [winner.id] });
  expect(receiver.requests).toHaveLength(0);
  expect((await run(winner.id, ep.id)).result).toMatchObject({ status: "succeeded" });
  expect(receiver.requests.map((r) => JSON.parse(r.body).data.status)).toEqual(["read"]);
  const after = await h.db.select().from(deliveries).where(eq(deliveries.endpointId, ep.id));
  expect(after.filter((d) => d.status === "superseded").map((d) => d.supersededBy)).toEqual([winner.id, winner.id]);
});
