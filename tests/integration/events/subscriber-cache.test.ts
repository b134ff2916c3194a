import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { deliveries, endpoints } from "@/db/schema";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { cachedSubscribers, loadSubscribers } from "@/server/events/subscribers";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";

const h = setupIntegration();

/**
 * Ingestion plans from this process's cache of an account's endpoints; every change below is
 * made straight in the database, as another process would, so only the insert's fingerprint
 * check can notice it.
 */
test("a change to an account's endpoints made elsewhere is followed by the next event: added, retyped, paused, disabled, deleted, ordered", async () => {
  const a = await createActor(h.services);
  const ctx = { ...h.services, actor: a.actor };
  const send = async (orderingKey?: string) => {
    const { id } = (await ingestEvents(ctx, { ...sampleEvent("sms.dlr"), orderingKey })) as { id: string };
    const rows = await h.db.select().from(deliveries).where(eq(deliveries.eventId, id));
    return rows.sort((x, y) => x.endpointId.localeCompare(y.endpointId));
  };
  const endpointIds = (rows: { endpointId: string }[]) => rows.map((r) => r.endpointId).sort();

  const first = await insertEndpoint(h.db, a.accountId, "https://a.example.com/hook");
  expect(endpointIds(await send())).toEqual([first.id]);
  expect(cachedSubscribers(a.accountId)?.list.map((s) => s.id)).toEqual([first.id]);

  const second = await insertEndpoint(h.db, a.accountId, "https://b.example.com/hook");
  expect(endpointIds(await send())).toEqual([first.id, second.id].sort());

  await h.db
    .update(endpoints)
    .set({ eventTypes: ["sms.mo"] })
    .where(eq(endpoints.id, first.id));
  expect(endpointIds(await send())).toEqual([second.id]);

  await h.db.update(endpoints).set({ status: "paused" }).where(eq(endpoints.id, second.id));
  const parked = await send();
  expect(endpointIds(parked)).toEqual([second.id]);
  // Parked: due PARKED_OFFSET (a century) ahead until the endpoint is resumed (engine/park.ts).
  expect(parked[0]!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 365 * 24 * 3600_000);

  await h.db.update(endpoints).set({ status: "disabled" }).where(eq(endpoints.id, second.id));
  expect(await send()).toEqual([]);

  const third = await insertEndpoint(h.db, a.accountId, "https://c.example.com/hook");
  expect(endpointIds(await send())).toEqual([third.id]);
  await h.db.delete(deliveries).where(eq(deliveries.endpointId, third.id));
  await h.db.delete(endpoints).where(eq(endpoints.id, third.id));
  expect(await send()).toEqual([]); // and no foreign-key error for the deleted endpoint

  await h.db
    .update(endpoints)
    .set({ eventTypes: ["sms.dlr"], orderedDelivery: true })
    .where(eq(endpoints.id, first.id));
  const ordered = await send("msg-1");
  expect(endpointIds(ordered)).toEqual([first.id]);
  expect(ordered[0]!.orderingKey).toBe("msg-1");
});

test("the fingerprint follows what ingestion plans with, not an endpoint's other columns", async () => {
  const a = await createActor(h.services);
  const ep = await insertEndpoint(h.db, a.accountId, "https://a.example.com/hook");
  const fingerprint = async () => (await loadSubscribers(h.db, a.accountId)).fingerprint;
  const before = await fingerprint();
  expect(before).toMatch(/^[0-9a-f]{32}$/);

  await h.db.update(endpoints).set({ consecutiveFailures: 3, description: "renamed" }).where(eq(endpoints.id, ep.id));
  expect(await fingerprint()).toBe(before);

  await h.db.update(endpoints).set({ wabaNumber: "919876500001" }).where(eq(endpoints.id, ep.id));
  const withWaba = await fingerprint();
  expect(withWaba).not.toBe(before);
  await h.db
    .update(endpoints)
    .set({ eventTypes: ["sms.dlr", "sms.mo"] })
    .where(eq(endpoints.id, ep.id));
  expect(await fingerprint()).not.toBe(withWaba);

  // No endpoint left to deliver to: an empty fingerprint, still compared.
  await h.db.update(endpoints).set({ status: "disabled" }).where(eq(endpoints.id, ep.id));
  expect(await loadSubscribers(h.db, a.accountId)).toEqual({ list: [], fingerprint: "" });
});
