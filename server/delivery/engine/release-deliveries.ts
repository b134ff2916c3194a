import { sql } from "drizzle-orm";
import type { Db } from "@/db";

/** Puts claimed-but-unstarted deliveries back, due as they were (e.g. on shutdown). */
export async function releaseDeliveries(db: Db, ids: string[]) {
  if (!ids.length) return;
  await db.execute(
    sql`update deliveries set status = case when attempts = 0 then 'pending' else 'retrying' end, lease_expires_at = null
        where status = 'sending' and id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
}
