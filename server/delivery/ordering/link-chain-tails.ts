import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "@/db";

export type ChainStart = { endpoint_id: string; ordering_key: string; first_id: string };
export type ChainLink = { firstId: string; tailId: string | null; tailSeq: number };

/** Fresh looks at chains whose tail changed under the link (each needs a concurrent finish). */
const LINK_ROUNDS = 5;

/**
 * Per-message order at ingestion (inside the caller's transaction): links the first new delivery
 * of each (endpoint, ordering key) behind the key's open tail — the open delivery with no
 * successor yet — by setting the tail's `successor_id`. Returns, per chain, the tail to be
 * `blocked_by` (null: nothing of that message is open, the new one goes at once).
 *
 * Ingestions of the same key are serialised by an advisory lock taken before any snapshot, so
 * each sees the others' tails. The link itself is an UPDATE that re-checks the tail's latest
 * version: a tail finished or superseded meanwhile is not linked to, and that chain is looked up
 * again with a fresh snapshot. Tails are locked NOWAIT in id order: an ingestion never waits on a
 * row another writer holds (no deadlock with batches of leases or records); the caller starts
 * over on `lock_not_available`.
 */
export async function linkChainTails(tx: Tx, starts: ChainStart[]): Promise<Map<string, ChainLink>> {
  const links = new Map<string, ChainLink>();
  if (!starts.length) return links;
  await tx.execute(sql`select pg_advisory_xact_lock(h) from (
      select hashtextextended(x.endpoint_id || ':' || x.ordering_key, 0) as h
      from jsonb_to_recordset(${JSON.stringify(starts)}::jsonb) as x(endpoint_id text, ordering_key text)
      group by 1 order by 1 offset 0) s`);
  let pending = starts;
  for (let round = 0; pending.length && round < LINK_ROUNDS; round++) {
    const tails = await findOpenTails(tx, pending);
    const pairs = pending.flatMap((start) => {
      const tailId = tails.get(tailKey(start.endpoint_id, start.ordering_key));
      return tailId ? [{ tail_id: tailId, first_id: start.first_id }] : [];
    });
    const linked = await linkTails(tx, pairs);
    const again: ChainStart[] = [];
    for (const start of pending) {
      const tailId = tails.get(tailKey(start.endpoint_id, start.ordering_key));
      const tailSeq = linked.get(start.first_id);
      if (tailId === undefined) links.set(start.first_id, { firstId: start.first_id, tailId: null, tailSeq: 0 });
      else if (tailSeq !== undefined) links.set(start.first_id, { firstId: start.first_id, tailId, tailSeq });
      else again.push(start); // finished or superseded since the lookup: look again
    }
    pending = again;
  }
  if (pending.length) throw new Error(`could not link ${pending.length} ordered deliveries; try again`);
  return links;
}

const tailKey = (endpointId: string, orderingKey: string) => `${endpointId}\n${orderingKey}`;

/**
 * Each (endpoint, key)'s open tail, in one read of the endpoints' open ordered deliveries. Shaped
 * for any statistics: ingestion often writes into a table that grew since it was last analysed,
 * and the earlier single statement (a join of the batch against the open deliveries, linked in the
 * same statement) became a nested loop over both with "tiny table" estimates — up to 4.6 s for a
 * batch of 1,000 at 15,000 open. The two sets are now matched here, and the link goes by primary key.
 */
async function findOpenTails(tx: Tx, starts: ChainStart[]): Promise<Map<string, string>> {
  const endpoints = [...new Set(starts.map((s) => s.endpoint_id))];
  const keys = [...new Set(starts.map((s) => s.ordering_key))];
  const rows = await queryRows<{ endpoint_id: string; ordering_key: string; id: string }>(
    tx,
    sql`select distinct on (t.endpoint_id, t.ordering_key) t.endpoint_id, t.ordering_key, t.id
      from deliveries t
      where t.endpoint_id = any(array(select jsonb_array_elements_text(${JSON.stringify(endpoints)}::jsonb)))
        and t.ordering_key = any(array(select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb)))
        and t.ordering_key is not null and t.status in ('pending', 'retrying') and t.successor_id is null
      order by t.endpoint_id, t.ordering_key, t.ordering_seq desc nulls last`,
  );
  return new Map(rows.map((r) => [tailKey(r.endpoint_id, r.ordering_key), r.id]));
}

/**
 * Sets each tail's `successor_id`, re-checking its latest version: returns the first ids linked
 * (with their tail's place in the chain). Tails are locked NOWAIT in id order, and the locked ids
 * are the primary-key array the update goes by (engine/matches-input-id.ts adds a second one; with
 * it, fourth-wave batches in ordered-ingestion-scale.timing.test.ts took 335 ms instead of 155).
 */
async function linkTails(tx: Tx, pairs: { tail_id: string; first_id: string }[]): Promise<Map<string, number>> {
  if (!pairs.length) return new Map();
  const rows = await queryRows<{ first_id: string; ordering_seq: number | null }>(
    tx,
    sql`with u as (
        select * from jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as u(tail_id text, first_id text)
      ), locked as (
        select t.id from deliveries t where t.id = any(array(select tail_id from u)) order by t.id for update nowait
      )
      update deliveries t set successor_id = u.first_id from u
      where t.id = u.tail_id and t.id = any(array(select id from locked))
        and t.status in ('pending', 'retrying') and t.successor_id is null
      returning u.first_id, t.ordering_seq`,
  );
  return new Map(rows.map((r) => [r.first_id, Number(r.ordering_seq ?? 0)]));
}
