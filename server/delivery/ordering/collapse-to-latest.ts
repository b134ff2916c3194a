import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import {
  CLAIMED_COLUMNS,
  toClaimedDelivery,
  type ClaimedDelivery,
  type ClaimedRow,
} from "@/server/delivery/engine/claimed-delivery";
import { DLR_TYPES, STATUS_RANK_SQL } from "./status-rank";

export type Collapsed = {
  /** What to send instead of a claimed delivery (its message's most advanced waiting status). */
  replaced: Map<string, ClaimedDelivery>;
  /** Claimed deliveries that became `superseded` (not to be sent). */
  superseded: string[];
};

type Loser = { id: string; winner: string; successor: string | null; members: string[] };

/**
 * Latest status only: a claimed delivery heads its message's queue; when later DLRs of the same
 * message wait behind it, only the most advanced one is sent (see status-rank.ts). It takes the
 * head's lease and place; the others become `superseded` with `superseded_by` set — one
 * statement for the batch. Queues it cannot lock at once (another writer holds a row) are left
 * as they are and sent in order, so no statement here ever waits on a lock.
 *
 * An ingestion that linked a new delivery behind the old tail after this statement's snapshot is
 * seen through the tail's latest version: the winner takes it as its successor here, and its
 * `blocked_by` is pointed at the winner next (release goes by the winner's `successor_id`).
 */
export async function collapseToLatest(db: Db, heads: ClaimedDelivery[]): Promise<Collapsed> {
  const result: Collapsed = { replaced: new Map(), superseded: [] };
  if (!heads.length) return result;
  const rows = await queryRows<ClaimedRow & { head_id: string; losers: Loser[] | string | null }>(
    db,
    sql`with heads as (
        select d.id, d.endpoint_id, d.ordering_key, d.lease_owner, d.lease_expires_at from deliveries d
        where d.id in (select jsonb_array_elements_text(${JSON.stringify(heads.map((h) => h.id))}::jsonb))
          and d.status in ('pending', 'retrying') and d.ordering_key is not null
      ), members as (
        select m.id, m.successor_id, m.ordering_seq, h.id as head_id, h.lease_owner, h.lease_expires_at, ev.type,
          ${sql.raw(STATUS_RANK_SQL)} as rank
        from heads h
        join deliveries m on m.endpoint_id = h.endpoint_id and m.ordering_key = h.ordering_key
          and m.ordering_key is not null and m.status in ('pending', 'retrying')
        join events ev on ev.id = m.event_id
      ), queues as (
        select head_id from members group by head_id
        having count(*) > 1 and bool_and(type in (${sql.raw(DLR_TYPES.map((t) => `'${t}'`).join(", "))}))
      ), locked as (
        select d.id from deliveries d
        where d.id in (select id from members where head_id in (select head_id from queues))
        order by d.id for update skip locked
      ), ranked as (
        select m.*,
          row_number() over (partition by m.head_id order by m.rank desc, m.ordering_seq desc) as r,
          first_value(m.id) over (partition by m.head_id order by m.ordering_seq desc) as tail_id,
          first_value(m.successor_id) over (partition by m.head_id order by m.ordering_seq desc) as tail_successor,
          jsonb_agg(m.id) over (partition by m.head_id) as member_ids
        from members m
        where m.head_id in (select head_id from queues)
          and m.head_id not in (select head_id from members where id not in (select id from locked))
      ), sup as (
        update deliveries d set status = 'superseded', superseded_by = w.id, blocked_by = null,
          lease_expires_at = null, lease_owner = null, rate_slot_at = null, updated_at = clock_timestamp()
        from ranked l join ranked w on w.head_id = l.head_id and w.r = 1
        where l.r > 1 and d.id = l.id
        returning d.id, w.id as winner, d.successor_id as successor, l.member_ids as members
      ), win as (
        update deliveries d set lease_owner = w.lease_owner, lease_expires_at = w.lease_expires_at, blocked_by = null,
          successor_id = coalesce(
            (select s.successor from sup s where s.winner = d.id and not s.members @> to_jsonb(s.successor)),
            case when w.id = w.tail_id then d.successor_id else w.tail_successor end),
          updated_at = clock_timestamp()
        from ranked w, events ev, endpoints ep
        where w.r = 1 and d.id = w.id and ev.id = d.event_id and ep.id = d.endpoint_id
        returning ${sql.raw(CLAIMED_COLUMNS)}, w.head_id
      )
      select win.*, (select jsonb_agg(jsonb_build_object('id', id, 'winner', winner, 'successor', successor,
        'members', members)) from sup) as losers
      from win`,
  );
  if (!rows.length) return result;
  const raw = rows[0]!.losers;
  const losers: Loser[] = typeof raw === "string" ? JSON.parse(raw) : (raw ?? []);
  const headIds = new Set(heads.map((h) => h.id));
  for (const row of rows) if (row.id !== row.head_id) result.replaced.set(row.head_id, toClaimedDelivery(row));
  result.superseded = losers.filter((l) => headIds.has(l.id)).map((l) => l.id);
  await moveLateSuccessors(db, losers);
  return result;
}

/** A successor linked behind a loser after the collapse's snapshot now waits for the winner. */
async function moveLateSuccessors(db: Db, losers: Loser[]) {
  const late = losers
    .filter((l) => l.successor && !l.members.includes(l.successor))
    .map((l) => ({ loser: l.id, winner: l.winner, successor: l.successor }));
  if (!late.length) return;
  await db.execute(sql`update deliveries s set blocked_by = x.winner
    from jsonb_to_recordset(${JSON.stringify(late)}::jsonb) as x(loser text, winner text, successor text)
    where s.id = x.successor and s.blocked_by = x.loser`);
}
