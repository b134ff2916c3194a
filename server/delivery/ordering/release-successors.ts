import { sql, type SQL } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db";

export type Successor = { id: string; blocker: string; released: boolean };

/**
 * CTEs to append to a statement that ends deliveries: given a CTE `finished` of the rows it
 * changed (`id`, new `status`, `successor_id`), the next delivery of each finished one's message
 * stops waiting (`released`), and `successors` lists every successor with whether it was released.
 * A successor linked by an ingestion that committed after this statement's snapshot is not
 * visible to it — but its link is, through the finished row's latest version — so it comes back
 * with released = false for releaseSuccessors to finish. The predecessor's `successor_id` is what
 * counts (a successor moved behind a collapse's winner may still name the superseded one).
 */
export const releaseSuccessorsSql = (finished: string): SQL =>
  sql.raw(`released as (
    update deliveries s set blocked_by = null
    from ${finished} f
    where f.status in ('succeeded', 'failed') and s.id = f.successor_id and s.blocked_by is not null
    returning s.id
  ), successors as (
    select f.successor_id as id, f.id as blocker, f.successor_id in (select id from released) as released
    from ${finished} f
    where f.status in ('succeeded', 'failed') and f.successor_id is not null
  )`);

/** Finishes what a statement with releaseSuccessorsSql left; returns every successor now released. */
export async function releaseSuccessors(db: DbOrTx, successors: Successor[]): Promise<string[]> {
  const released = successors.filter((s) => s.released).map((s) => s.id);
  const left = successors.filter((s) => !s.released).map((s) => s.id);
  if (!left.length) return released;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update deliveries s set blocked_by = null
      where s.id = any(array(select jsonb_array_elements_text(${JSON.stringify(left)}::jsonb)))
        and s.blocked_by is not null
      returning s.id`,
  );
  return [...released, ...rows.map((r) => r.id)];
}
