import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import type { DeliveryItem } from "@/server/delivery/delivery-runner";

/**
 * Deliveries that should have been attempted a while ago and were not: their enqueue was lost
 * (the process died between commit and send to Inngest) or their run ended abnormally. Paused
 * endpoints' deliveries are waiting on purpose and are left out.
 */
export async function findStrandedDeliveries(
  db: Db,
  opts: { overdueMs: number; limit: number },
): Promise<DeliveryItem[]> {
  const rows = await queryRows<{ id: string; endpoint_id: string }>(
    db,
    sql`select d.id, d.endpoint_id from deliveries d join endpoints e on e.id = d.endpoint_id
        where e.status <> 'paused'
          and ((d.status in ('pending', 'retrying') and d.next_attempt_at < clock_timestamp() - make_interval(secs => ${opts.overdueMs / 1000}))
               or (d.status = 'sending' and d.lease_expires_at < clock_timestamp() - make_interval(secs => ${opts.overdueMs / 1000})))
        order by d.next_attempt_at
        limit ${opts.limit}`,
  );
  return rows.map((r) => ({ id: r.id, endpointId: r.endpoint_id }));
}
