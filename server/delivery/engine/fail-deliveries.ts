import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import { releaseSuccessors, releaseSuccessorsSql, type Successor } from "@/server/delivery/ordering/release-successors";
import { sanitizeText } from "./sanitize-for-storage";
import { matchesInputId } from "./matches-input-id";

/**
 * Ends deliveries without an attempt (their endpoint was disabled): failed, not dropped —
 * re-enabling the endpoint and replaying picks them up again. Returns the deliveries that stopped
 * waiting for them (the next of each message).
 */
export async function failDeliveries(db: Db, items: { id: string; reason: string }[]): Promise<string[]> {
  if (!items.length) return [];
  const rows = items.map((i) => ({ id: i.id, reason: sanitizeText(i.reason) }));
  const successors = await queryRows<Successor>(
    db,
    sql`with input as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id text, reason text)
    ), failed as (
      update deliveries d set status = 'failed', last_error = x.reason, lease_expires_at = null,
        lease_owner = null, rate_slot_at = null, updated_at = clock_timestamp()
      from input x
      where ${matchesInputId("x")} and d.status in ('pending', 'retrying')
      returning d.id, d.status, d.successor_id
    ), ${releaseSuccessorsSql("failed")}
    select id, blocker, released from successors`,
  );
  return releaseSuccessors(db, successors);
}
