import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import type { DeliveryItem } from "@/server/delivery/delivery-runner";

/**
 * For the Inngest sweep: deliveries due a while ago that no live run holds — their hand-off was
 * lost (Inngest unreachable, the process died between commit and send) or their run ended
 * abnormally (cancelled in the dashboard, its lease ran out long ago). A run that is only queued
 * behind the per-endpoint concurrency limit, or asleep until its next attempt, keeps a recent
 * `enqueued_at` mark and is left alone (see markEnqueued). Paused endpoints' deliveries are parked
 * far in the future and never match; deliveries waiting for an earlier one of their message are
 * enqueued when it ends.
 */
export async function findStrandedDeliveries(
  db: Db,
  opts: {
    /** How long past due (or past its lease) a delivery must be. */
    overdueMs: number;
    /** How old a run's mark must be before the run is presumed gone. */
    staleMs: number;
    limit: number;
  },
): Promise<DeliveryItem[]> {
  const ago = (ms: number) => sql`clock_timestamp() - make_interval(secs => ${ms / 1000}::double precision)`;
  const overdue = ago(opts.overdueMs);
  const rows = await queryRows<{ id: string; endpoint_id: string }>(
    db,
    sql`select d.id, d.endpoint_id from deliveries d
        where d.status in ('pending', 'retrying') and d.blocked_by is null and d.next_attempt_at < ${overdue}
          and (d.lease_expires_at is null or d.lease_expires_at < ${overdue})
          and (d.enqueued_at is null or d.enqueued_at < ${ago(opts.staleMs)})
        order by d.next_attempt_at
        limit ${opts.limit}`,
  );
  return rows.map((r) => ({ id: r.id, endpointId: r.endpoint_id }));
}
