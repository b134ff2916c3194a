import { and, eq, gte, inArray, lt, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { accounts, deliveries, endpoints, events } from "@/db/schema";
import type { DeliveryItem } from "@/server/delivery/delivery-runner";
import { PARKED_OFFSET } from "@/server/delivery/engine/park";
import { newId } from "@/server/lib/ids";
import type { EventType } from "./catalog";
import { IDEMPOTENCY_WINDOW_MS } from "./ingest-schemas";
import { subscribes } from "./subscribes";

export type ValidEvent = { type: EventType; data: Record<string, unknown>; idempotencyKey?: string };

/**
 * Writes events and their deliveries with the caller's transaction (so a signup and its event
 * commit together). Returns one id per input, in order — the first event's id for a repeated
 * idempotency key — and the deliveries to hand to the runner once the transaction commits.
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

  // Whether the account masks PII now: its views keep these events masked even if it stops.
  const piiMasked = sql<boolean>`coalesce((select ${accounts.piiMasking} from ${accounts} where ${accounts.id} = ${accountId}), true)`;
  const inserted = await tx
    .insert(events)
    .values(
      fresh.map(({ id, event }) => ({
        id,
        accountId,
        type: event.type,
        data: event.data,
        idempotencyKey: event.idempotencyKey ?? null,
        piiMasked,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: events.id });
  const insertedIds = new Set(inserted.map((r) => r.id));
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

  const created = fresh.filter((f) => insertedIds.has(f.id));
  const subscribers = await tx
    .select({
      id: endpoints.id,
      eventTypes: endpoints.eventTypes,
      wabaNumber: endpoints.wabaNumber,
      status: endpoints.status,
    })
    .from(endpoints)
    .where(and(eq(endpoints.accountId, accountId), ne(endpoints.status, "disabled")));

  const parkedUntil = sql`now() + ${PARKED_OFFSET}::interval`;
  const rows = created.flatMap(({ id, event }) =>
    subscribers
      .filter((ep) => subscribes(ep, event))
      .map((ep) => ({
        id: newId("dlv"),
        accountId,
        eventId: id,
        endpointId: ep.id,
        // A paused endpoint's deliveries wait parked until it is resumed (engine/park.ts).
        ...(ep.status === "paused" ? { nextAttemptAt: parkedUntil } : {}),
      })),
  );
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(deliveries).values(rows.slice(i, i + 1000));
  return { ids, deliveries: rows.map((r) => ({ id: r.id, endpointId: r.endpointId })) };
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
