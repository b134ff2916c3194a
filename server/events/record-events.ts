import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db";
import { events } from "@/db/schema";
import type { DeliveryItem, InsertLease } from "@/server/delivery/delivery-runner";
import {
  CLAIMED_COLUMNS,
  toClaimedDelivery,
  type ClaimedDelivery,
  type ClaimedRow,
} from "@/server/delivery/engine/claimed-delivery";
import { PARKED_OFFSET } from "@/server/delivery/engine/park";
import { linkChainTails } from "@/server/delivery/ordering/link-chain-tails";
import { chainColumns, planChains, type PlannedDelivery } from "@/server/delivery/ordering/plan-chains";
import { newId } from "@/server/lib/ids";
import type { EventType } from "./catalog";
import { IDEMPOTENCY_WINDOW_MS } from "./ingest-schemas";
import { orderingKeyOf } from "./ordering-key";
import { subscribes } from "./subscribes";
import {
  cachedSubscribers,
  forgetSubscribers,
  loadSubscribers,
  rememberSubscribers,
  subscriberFingerprint,
  type Subscriber,
} from "./subscribers";

export type ValidEvent = {
  type: EventType;
  data: Record<string, unknown>;
  idempotencyKey?: string;
  orderingKey?: string;
};

/** How long an ingestion starts over while an ordered chain's tail is locked by another writer. */
const ORDERED_RETRY_MS = 10_000;

/**
 * Writes events and their deliveries in one statement (on the caller's transaction when given one,
 * so a signup and its event commit together). Returns one id per input, in order — the first
 * event's id for a repeated idempotency key — and the deliveries to hand to the runner.
 *
 * With `leaseFor` (ingestion outside any transaction, local runner), deliveries that may go at
 * once are written already leased to the runner and come back as `leased`, ready to send, with
 * the `lease` they were written under.
 *
 * Idempotency keys are unique per account. Within 24 h a repeat returns the first event; an older
 * key is released (its event keeps existing, the key is cleared) so the key can be used again.
 */
export async function recordEvents(
  tx: DbOrTx,
  accountId: string,
  input: ValidEvent[],
  leaseFor?: (count: number) => InsertLease | null,
): Promise<{ ids: string[]; deliveries: DeliveryItem[]; leased: ClaimedDelivery[]; lease: InsertLease | null }> {
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
  if (!fresh.length) return { ids, deliveries: [], leased: [], lease: null };

  const result = await writeWithSubscribers(tx, accountId, fresh, leaseFor);
  // An ordered batch that lost an idempotency race was rolled back: it is written again, with
  // the winners' ids answered for the raced keys.
  if (result === null) return recordEvents(tx, accountId, input, leaseFor);
  const { inserted: insertedIds, blocked, leased, lease, planned } = result;
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
  // Deliveries waiting for an earlier one of their message are handed over when it finishes.
  const taken = new Set(leased.map((c) => c.id));
  const written = planned.filter((d) => insertedIds.has(d.event_id) && !blocked.has(d.id) && !taken.has(d.id));
  return { ids, deliveries: written.map((d) => ({ id: d.id, endpointId: d.endpoint_id })), leased, lease };
}

/** How many times a plan made from subscribers that turned out stale is made again with a guard. */
const GUARDED_TRIES = 3;

/**
 * Plans the deliveries from the account's subscribers and writes them with the events. The plan
 * starts from this process's cache: the insert checks the subscribers' fingerprint and writes
 * nothing if they changed since, and then they are read again — so a single event is one round
 * trip, and never planned from a stale list. Ordered endpoints take the transaction below, from
 * subscribers read afresh. After a few lost races with endpoint changes the write goes unguarded,
 * as right after a read.
 */
async function writeWithSubscribers(
  tx: DbOrTx,
  accountId: string,
  fresh: { id: string; event: ValidEvent }[],
  leaseFor?: (count: number) => InsertLease | null,
) {
  let subscribers = cachedSubscribers(accountId);
  let cached = subscribers !== undefined;
  subscribers ??= await readSubscribers(tx, accountId);
  for (let tries = 1; ; tries++) {
    const planned = planDeliveries(fresh, subscribers.list);
    const ordered = planned.some((d) => d.ordering_key !== null);
    if (ordered && cached) {
      subscribers = await readSubscribers(tx, accountId);
      cached = false;
      continue;
    }
    if (ordered) {
      const written = await insertOrdered(tx, accountId, fresh, planned);
      return written && { ...written, lease: null, planned };
    }
    const lease = planned.length ? (leaseFor?.(planned.length) ?? null) : null;
    const guard = tries <= GUARDED_TRIES ? subscribers.fingerprint : null;
    const written = await insertEventsAndDeliveries(tx, accountId, fresh, planned, lease, guard);
    if (!written.stale) return { ...written, blocked: new Set<string>(), lease, planned };
    forgetSubscribers(accountId);
    subscribers = await readSubscribers(tx, accountId);
    cached = false;
  }
}

async function readSubscribers(tx: DbOrTx, accountId: string) {
  const subscribers = await loadSubscribers(tx, accountId);
  rememberSubscribers(accountId, subscribers);
  return subscribers;
}

function planDeliveries(fresh: { id: string; event: ValidEvent }[], subscribers: Subscriber[]) {
  return fresh.flatMap(({ id, event }): PlannedDelivery[] => {
    const key = orderingKeyOf(event);
    return (
      subscribers
        .filter((ep) => subscribes(ep, event))
        // A paused endpoint's deliveries wait parked until it is resumed (engine/park.ts).
        .map((ep) => ({
          id: newId("dlv"),
          event_id: id,
          endpoint_id: ep.id,
          parked: ep.status === "paused",
          ordering_key: ep.ordered ? key : null,
          pos: null,
          prev: null,
          next: null,
        }))
    );
  });
}

/**
 * With deliveries to ordered endpoints: one transaction links each message's new deliveries
 * behind its open tail, then writes them with the events in the one statement below. A tail
 * locked by another writer makes it start over (a few ms later) rather than wait. Null when an
 * event lost an idempotency race (rolled back: its chain links would point at nothing).
 */
async function insertOrdered(
  db: DbOrTx,
  accountId: string,
  fresh: { id: string; event: ValidEvent }[],
  planned: PlannedDelivery[],
): Promise<{ inserted: Set<string>; blocked: Set<string>; leased: ClaimedDelivery[] } | null> {
  const starts = planChains(planned);
  const giveUpAt = Date.now() + ORDERED_RETRY_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const rows = chainColumns(planned, await linkChainTails(tx, starts));
        const { inserted } = await insertEventsAndDeliveries(tx, accountId, fresh, rows, null, null);
        if (inserted.size < fresh.length) throw new RacedKeys();
        const blocked = new Set(rows.filter((r) => r.blocked_by !== null).map((r) => r.id));
        return { inserted, blocked, leased: [] };
      });
    } catch (err) {
      if (err instanceof RacedKeys) return null;
      if (Date.now() > giveUpAt || !isLockNotAvailable(err)) throw err;
      await new Promise((r) => setTimeout(r, Math.min(50, 2 * attempt) * Math.random()));
    }
  }
}

class RacedKeys extends Error {}

function isLockNotAvailable(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "55P03" || e?.cause?.code === "55P03";
}

type InsertedDelivery = PlannedDelivery & {
  blocked_by?: string | null;
  successor_id?: string | null;
  ordering_seq?: number | null;
};

/**
 * The events and their deliveries in one statement (one round trip, atomic without a
 * transaction of its own); an event lost to a concurrent insert of its idempotency key gets no
 * deliveries. Returns the ids of the events inserted and, with a lease, the deliveries written
 * leased (all but parked and waiting ones) as the claim would return them. Each event remembers
 * whether the account masked PII when it arrived, so its views stay masked even if masking is
 * turned off later. With a subscribers' fingerprint it writes nothing, and says `stale`, unless
 * the account's endpoints still match it.
 */
async function insertEventsAndDeliveries(
  tx: DbOrTx,
  accountId: string,
  fresh: { id: string; event: ValidEvent }[],
  planned: InsertedDelivery[],
  lease: InsertLease | null,
  subscribersFingerprint: string | null,
): Promise<{ stale: boolean; inserted: Set<string>; leased: ClaimedDelivery[] }> {
  const eventRows = fresh.map(({ id, event }) => ({
    id,
    type: event.type,
    data: event.data,
    key: event.idempotencyKey ?? null,
  }));
  const owner = lease?.owner ?? null;
  // Without a lease nothing comes back but the ids: a batch's events and their data are not
  // copied into the statement's result to be dropped (or sent back to be parsed for nothing).
  const result = lease
    ? sql`, leased as (
        select ${sql.raw(CLAIMED_COLUMNS)}
        from dl d join ev on ev.id = d.event_id join endpoints ep on ep.id = d.endpoint_id
        where d.lease_owner is not null
      )
      select g.ok as fresh, ev.id as inserted_event, l.*
      from guard g left join ev on true left join leased l on l.event_id = ev.id`
    : sql` select g.ok as fresh, ev.id as inserted_event from guard g left join ev on true`;
  // Without a fingerprint the plan was made from subscribers just read: no guard.
  const rows = await queryRows<{ fresh: boolean; inserted_event: string | null } & Partial<ClaimedRow>>(
    tx,
    sql`with guard as (
        select ${subscribersFingerprint}::text is null
          or ${subscriberFingerprint(accountId)} = ${subscribersFingerprint}::text as ok
      ), ev as (
        insert into events (id, account_id, type, data, idempotency_key, pii_masked)
        select x.id, ${accountId}, x.type, x.data, x.key,
          coalesce((select pii_masking from accounts where id = ${accountId}), true)
        from jsonb_to_recordset(${JSON.stringify(eventRows)}::jsonb) as x(id text, type text, data jsonb, key text)
        where (select ok from guard)
        on conflict do nothing
        returning ${lease ? sql`id, type, data, created_at` : sql`id`}
      ), dl as (
        insert into deliveries (id, account_id, event_id, endpoint_id, next_attempt_at, ordering_key, ordering_seq,
          blocked_by, successor_id, lease_expires_at, lease_owner)
        select y.id, ${accountId}, y.event_id, y.endpoint_id,
          case when y.parked then now() + ${PARKED_OFFSET}::interval else now() end,
          y.ordering_key, y.ordering_seq, y.blocked_by, y.successor_id,
          case when l.owner is not null then clock_timestamp() + make_interval(secs => l.secs) end, l.owner
        from jsonb_to_recordset(${JSON.stringify(planned)}::jsonb) as y(id text, event_id text, endpoint_id text,
          parked boolean, ordering_key text, ordering_seq int, blocked_by text, successor_id text)
        left join (select ${owner}::text as owner, ${(lease?.leaseMs ?? 0) / 1000}::double precision as secs) l
          on l.owner is not null and not y.parked and y.blocked_by is null
        where y.event_id in (select id from ev)
        returning ${lease ? sql`*` : sql`id`}
      )${result}`,
    // Prepared (both forms): it is the statement of every API call, and its plan reads tables by
    // primary key only (with the subscribers' query, single-event ingestion went from 935 to
    // ≈ 330 µs of Postgres CPU).
    { prepare: true },
  );
  const inserted = new Set<string>();
  for (const r of rows) if (r.inserted_event !== null) inserted.add(r.inserted_event);
  return {
    stale: rows[0]?.fresh === false,
    inserted,
    leased: rows.filter((r) => r.id != null).map((r) => toClaimedDelivery(r as ClaimedRow)),
  };
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
