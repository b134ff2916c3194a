import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db";

type RateSlot = { slotAt: Date; waitMs: number };

/**
 * GCRA as a reservation, in one atomic UPDATE: an endpoint limited to R requests/second has an
 * emission interval T = 1/R and a theoretical arrival time (TAT). Each send takes the slot
 * max(TAT, now) and moves the TAT one interval past it. Concurrent runners and processes serialise
 * on the row, so the limit holds across all of them; the database clock is the only clock used.
 *
 * Reserving (rather than "allowed now: yes/no") gives every over-limit delivery a slot of its own,
 * so a backlog drains one send per interval instead of the whole backlog waking up, contending
 * for the one free slot and going back to sleep each time.
 *
 * Returns the slot and how long until it opens (0 when it is open now).
 */
export async function reserveRateSlot(db: DbOrTx, endpointId: string, perSecond: number): Promise<RateSlot> {
  const intervalSecs = 1 / Math.max(perSecond, 0.001);
  const [row] = await queryRows<{ slot_at: Date | string; wait_ms: number | string }>(
    db,
    sql`with next as (
          update endpoints
          set rate_tat = greatest(coalesce(rate_tat, clock_timestamp()), clock_timestamp()) + make_interval(secs => ${intervalSecs}::double precision)
          where id = ${endpointId}
          returning rate_tat - make_interval(secs => ${intervalSecs}::double precision) as slot_at
        )
        select slot_at, greatest(0, extract(epoch from (slot_at - clock_timestamp())) * 1000)::double precision as wait_ms from next`,
  );
  if (!row) return { slotAt: new Date(), waitMs: 0 };
  return { slotAt: new Date(row.slot_at), waitMs: Number(row.wait_ms) };
}
