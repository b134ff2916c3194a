import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import type { DeliveryItem } from "@/server/delivery/delivery-runner";

/**
 * Deliveries that should have been attempted a while ago and were not: their enqueue was lost
 * (the process died between commit and send to Inngest) or their run ended abnormally (its lease
 * ran out long ago). Paused endpoints' deliveries are parked far in the future and never match.
 */
export async function findStrandedDeliveries(
  db: Db,
  opts: { overdueMs: number; limit: number },
): Promise<DeliveryItem[]> {
  const overdue = sql`clock_timestamp() - make_interval(secs => ${opts.overdueMs / 1000}::double precision)`;
  const rows = await queryRows<{ id: string; endpoint_id: string }>(
    db,
    sql`select d.id, d.endpoint_id from deliveries d
        where d.status in ('pending', 'retrying') and d.next_attempt_at < ${overdue}
          and (d.lease_expires_at is null or d.lease_expires_at < ${overdue})
        order by d.next_attempt_at
        limit ${opts.limit}`,
  );
  return rows.map((r) => ({ id: r.id, endpointId: r.endpoint_id }));
}
