import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { matchesInputId } from "./matches-input-id";

/**
 * Hands claimed deliveries back, unsent and attempts unchanged, due just before the rate slot
 * reserved for each; the claim that picks one up then honours that slot (claimed-delivery's
 * slotAgeMs) rather than reserving another. Without a slot (beyond the reservation horizon) it
 * reserves one when it comes back.
 */
export async function deferDeliveries(db: Db, items: { id: string; dueAt: Date; slotAt: Date | null }[]) {
  if (!items.length) return;
  const rows = items.map((i) => ({
    id: i.id,
    due_at: i.dueAt.toISOString(),
    slot_at: i.slotAt?.toISOString() ?? null,
  }));
  await db.execute(sql`with input as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id text, due_at timestamptz, slot_at timestamptz)
    )
    update deliveries d set next_attempt_at = x.due_at, rate_slot_at = x.slot_at,
      lease_expires_at = null, lease_owner = null, updated_at = clock_timestamp()
    from input x
    where ${matchesInputId("x")}`);
}
