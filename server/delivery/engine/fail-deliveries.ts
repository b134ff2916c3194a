import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { sanitizeText } from "./sanitize-for-storage";

/**
 * Ends deliveries without an attempt (their endpoint was disabled): failed, not dropped —
 * re-enabling the endpoint and replaying picks them up again.
 */
export async function failDeliveries(db: Db, items: { id: string; reason: string }[]) {
  if (!items.length) return;
  const rows = items.map((i) => ({ id: i.id, reason: sanitizeText(i.reason) }));
  await db.execute(sql`update deliveries d set status = 'failed', last_error = x.reason, lease_expires_at = null,
      lease_owner = null, rate_slot_at = null, updated_at = clock_timestamp()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id text, reason text)
    where d.id = x.id and d.status in ('pending', 'retrying')`);
}
