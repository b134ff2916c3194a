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
    const rows = await queryRows<{ first_id: string; tail_id: string; linked: boolean; tail_seq: number | null }>(
      tx,
      sql`with c as (
          select * from jsonb_to_recordset(${JSON.stringify(pending)}::jsonb) as c(endpoint_id text, ordering_key text, first_id text)
        ), seen as (
          select distinct on (c.first_id) c.first_id, t.id as tail_id
          from c join deliveries t on t.endpoint_id = c.endpoint_id and t.ordering_key = c.ordering_key
          where t.ordering_key is not null and t.status in ('pending', 'retrying') and t.successor_id is null
          order by c.first_id, t.ordering_seq desc nulls last
        ), locked as (
          select t.id from deliveries t where t.id = any(array(select tail_id from seen)) order by t.id for update nowait
        ), linked as (
          update deliveries t set successor_id = s.first_id from seen s
          where t.id = s.tail_id and t.id in (select id from locked)
            and t.status in ('pending', 'retrying') and t.successor_id is null
          returning s.first_id, t.ordering_seq
        )
        select s.first_id, s.tail_id, l.first_id is not null as linked, l.ordering_seq as tail_seq
        from seen s left join linked l on l.first_id = s.first_id`,
    );
    const seen = new Map(rows.map((r) => [r.first_id, r]));
    const again: ChainStart[] = [];
    for (const start of pending) {
      const r = seen.get(start.first_id);
      if (!r) links.set(start.first_id, { firstId: start.first_id, tailId: null, tailSeq: 0 });
      else if (r.linked)
        links.set(start.first_id, { firstId: start.first_id, tailId: r.tail_id, tailSeq: Number(r.tail_seq ?? 0) });
      else again.push(start); // finished or superseded since the snapshot: look again
    }
    pending = again;
  }
  if (pending.length) throw new Error(`could not link ${pending.length} ordered deliveries; try again`);
  return links;
}
