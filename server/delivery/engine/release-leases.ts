import { sql } from "drizzle-orm";
import type { Db } from "@/db";

/** Hands claimed deliveries back unsent (stop, shutdown): due as they were, free for any runner. */
export async function releaseLeases(db: Db, owner: string, ids: string[]) {
  if (!ids.length) return;
  await db.execute(
    sql`update deliveries set lease_expires_at = null, lease_owner = null
        where id = any(array(select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))) and lease_owner = ${owner}`,
  );
}
