import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import type { DeliveryItem } from "@/server/delivery/delivery-runner";

type ClaimOptions = {
  limit: number;
  leaseMs: number;
  /** Most attempts in flight per endpoint (this process). */
  perEndpoint: number;
  /** Attempts this process already has in flight, per endpoint id. */
  inFlight?: Map<string, number>;
};

/**
 * Claims up to `limit` due deliveries for this process: pending/retrying ones whose time has come,
 * and `sending` ones whose lease expired (their process died mid-attempt).
 *
 * It walks endpoint by endpoint and takes at most each endpoint's free in-flight places, so one
 * endpoint's backlog never fills the batch and starves the others, and nothing claimed has to
 * wait in memory while its lease runs out. Paused endpoints are skipped. SKIP LOCKED lets several
 * runners claim side by side; the lease makes a crash lose nothing.
 */
export async function claimDueDeliveries(db: Db, opts: ClaimOptions): Promise<DeliveryItem[]> {
  const inFlight = JSON.stringify(Object.fromEntries(opts.inFlight ?? []));
  const rows = await queryRows<{ id: string; endpoint_id: string }>(
    db,
    sql`with picked as (
          select d.id from endpoints e
          cross join lateral (
            select d.id from deliveries d
            where d.endpoint_id = e.id
              and d.next_attempt_at <= clock_timestamp()
              and (d.status in ('pending', 'retrying') or (d.status = 'sending' and d.lease_expires_at < clock_timestamp()))
            order by d.next_attempt_at
            limit greatest(0, ${opts.perEndpoint}::int - coalesce((${inFlight}::jsonb ->> e.id)::int, 0))
            for update of d skip locked
          ) d
          where e.status <> 'paused'
          limit ${opts.limit}
        )
        update deliveries set status = 'sending', lease_expires_at = clock_timestamp() + make_interval(secs => ${opts.leaseMs / 1000})
        from picked where deliveries.id = picked.id
        returning deliveries.id, deliveries.endpoint_id`,
  );
  return rows.map((r) => ({ id: r.id, endpointId: r.endpoint_id }));
}
