import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db";

export type RateSlots = { firstSlotAt: Date; intervalMs: number; firstWaitMs: number };

/**
 * GCRA as a reservation, in one atomic UPDATE: an endpoint limited to R requests/second has an
 * emission interval T = 1/R and a theoretical arrival time (TAT). Reserving `count` sends takes the
 * slots max(TAT, now), +T, +2T… and moves the TAT past the last. Concurrent runners and processes
 * serialise on the row, so the limit holds across all of them; the database clock is the only
 * clock used. A batch reserves all its slots for an endpoint in one statement.
 *
 * Reserving (rather than "allowed now: yes/no") gives every over-limit delivery a slot of its own,
 * so a backlog drains one send per interval instead of the whole backlog waking up, contending
 * for the one free slot and going back to sleep each time.
 */
export async function reserveRateSlots(
  db: DbOrTx,
  endpointId: string,
  perSecond: number,
  count: number,
): Promise<RateSlots> {
  const intervalSecs = 1 / Math.max(perSecond, 0.001);
  const [row] = await queryRows<{ slot_at: Date | string; wait_ms: number | string }>(
    db,
    sql`with next as (
          update endpoints
          set rate_tat = greatest(coalesce(rate_tat, clock_timestamp()), clock_timestamp())
            + make_interval(secs => ${intervalSecs * count}::double precision)
          where id = ${endpointId}
          returning rate_tat - make_interval(secs => ${intervalSecs * count}::double precision) as slot_at
        )
        select slot_at, greatest(0, extract(epoch from (slot_at - clock_timestamp())) * 1000)::double precision as wait_ms from next`,
  );
  const intervalMs = intervalSecs * 1000;
  if (!row) return { firstSlotAt: new Date(), intervalMs, firstWaitMs: 0 };
  return { firstSlotAt: new Date(row.slot_at), intervalMs, firstWaitMs: Number(row.wait_ms) };
}
