import { and, eq, gte, inArray, lt, ne, sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db";
import { endpoints, events } from "@/db/schema";
import type { DeliveryItem } from "@/server/delivery/delivery-runner";
import { PARKED_OFFSET } from "@/server/delivery/engine/park";
import { newId } from "@/server/lib/ids";
import type { EventType } from "./catalog";
import { IDEMPOTENCY_WINDOW_MS } from "./ingest-schemas";
import { subscribes } from "./subscribes";

export type ValidEvent = { type: EventType; data: Record<string, unknown>; idempotencyKey?: string };

/**
 * Writes events and their deliveries in one statement (on the caller's transaction when given one,
 * so a signup and its event commit together). Returns one id per input, in order — the first
 * event's id for a repeated idempotency key — and the deliveries to hand to the runner.
 *
 * Idempotency keys are unique per account. Within 24 h a repeat returns the first event; an older
 * key is released (its event keeps existing, the key is cleared) so the key can be used again.
 */
export async function recordEvents(tx: DbOrTx, accountId: string, input: ValidEvent[]) {
  const ids: string[] = new Array(input.length);
  const fresh: { index: number; id: string; event: ValidEvent }[] = [];
  const seenInBatch = new Map<string, number>();

  const keys = [...new Set(input.map((e) => e.idempotencyKey).filter((k): k is string => !!k))];
  const existing = keys.length ? await lookupKeys(tx, accountId, keys) : new Map<string, string>();

  input.forEach((event, index) => {
    const key = event.idempotencyKey;
    if (key && existing.has(key)) return void (ids[index] = existing.get(key)!);
    if (key && seenInBatch.has(key)) return void (ids[index] = ids[seenInBatch.get(key)!]!);
    const id = newId("evt");
    ids[index] = id;
    if (key) seenInBatch.set(key, index);
    fresh.push({ index, id, event });
  });
  if (!fresh.length) return { ids, deliveries: [] as DeliveryItem[] };

  const subscribers = await tx
    .select({
      id: endpoints.id,
      eventTypes: endpoints.eventTypes,
      wabaNumber: endpoints.wabaNumber,
      status: endpoints.status,
    })
    .from(endpoints)
    .where(and(eq(endpoints.accountId, accountId), ne(endpoints.status, "disabled")));
  const planned = fresh.flatMap(({ id, event }) =>
    subscribers
      .filter((ep) => subscribes(ep, event))
      // A paused endpoint's deliveries wait parked until it is resumed (engine/park.ts).
      .map((ep) => ({ id: newId("dlv"), event_id: id, endpoint_id: ep.id, parked: ep.status === "paused" })),
  );

  const insertedIds = await insertEventsAndDeliveries(tx, accountId, fresh, planned);
  const raced = fresh.filter((f) => !insertedIds.has(f.id));
  if (raced.length) {
    // Another request inserted the same key between our lookup and insert: answer with its id.
    const winners = await lookupKeys(
      tx,
      accountId,
      raced.map((r) => r.event.idempotencyKey!),
    );
    for (const r of raced) ids[r.index] = winners.get(r.event.idempotencyKey!) ?? r.id;
  }
  const written = planned.filter((d) => insertedIds.has(d.event_id));
  return { ids, deliveries: written.map((d) => ({ id: d.id, endpointId: d.endpoint_id })) };
}

/**
 * The events and their deliveries in one statement (one round trip, atomic without a
 * transaction of its own); an event lost to a concurrent insert of its idempotency key gets no
 * deliveries. Returns the ids of the events inserted. Each event remembers whether the account
 * masked PII when it arrived, so its views stay masked even if masking is turned off later.
 */
async function insertEventsAndDeliveries(
  tx: DbOrTx,
  accountId: string,
  fresh: { id: string; event: ValidEvent }[],
  planned: { id: string; event_id: string; endpoint_id: string; parked: boolean }[],
): Promise<Set<string>> {
  const eventRows = fresh.map(({ id, event }) => ({
    id,
    type: event.type,
    data: event.data,
    key: event.idempotencyKey ?? null,
  }));
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`with ev as (
        insert into events (id, account_id, type, data, idempotency_key, pii_masked)
        select x.id, ${accountId}, x.type, x.data, x.key,
          coalesce((select pii_masking from accounts where id = ${accountId}), true)
        from jsonb_to_recordset(${JSON.stringify(eventRows)}::jsonb) as x(id text, type text, data jsonb, key text)
        on conflict do nothing
        returning id
      ), dl as (
        insert into deliveries (id, account_id, event_id, endpoint_id, next_attempt_at)
        select y.id, ${accountId}, y.event_id, y.endpoint_id,
          case when y.parked then now() + ${PARKED_OFFSET}::interval else now() end
        from jsonb_to_recordset(${JSON.stringify(planned)}::jsonb) as y(id text, event_id text, endpoint_id text, parked boolean)
        where y.event_id in (select id from ev)
      )
      select id from ev`,
  );
  return new Set(rows.map((r) => r.id));
}

async function lookupKeys(tx: DbOrTx, accountId: string, keys: string[]) {
  const cutoff = new Date(Date.now() - IDEMPOTENCY_WINDOW_MS);
  // Release keys older than the window so they can be reused.
  await tx
    .update(events)
    .set({ idempotencyKey: null })
    .where(and(eq(events.accountId, accountId), inArray(events.idempotencyKey, keys), lt(events.createdAt, cutoff)));
  const rows = await tx
    .select({ id: events.id, key: events.idempotencyKey })
    .from(events)
    .where(and(eq(events.accountId, accountId), inArray(events.idempotencyKey, keys), gte(events.createdAt, cutoff)));
  return new Map(rows.map((r) => [r.key!, r.id]));
}
