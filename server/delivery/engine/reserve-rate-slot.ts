import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db";

export type RateSlots = {
  /** How many of the asked-for slots were reserved (those within the horizon). */
  granted: number;
  firstSlotAt: Date;
  intervalMs: number;
  firstWaitMs: number;
  /** The endpoint's next free slot after this reservation (the TAT). */
  nextFreeAt: Date;
  /** How far ahead slots are handed out. */
  horizonMs: number;
};

/** Slots are reserved at most this far ahead (or two intervals, for slow rates). */
const RESERVE_AHEAD_MS = 1000;

/**
 * GCRA as a reservation, in one atomic statement: an endpoint limited to R requests/second has
 * an emission interval T = 1/R and a theoretical arrival time (TAT). Reserving `count` sends
 * takes the slots max(TAT, now), +T, +2T… and moves the TAT past the last. Concurrent runners and
 * processes serialise on the row, so the limit holds across all of them; the database clock is
 * the only clock used. A batch reserves all its slots for an endpoint in one statement. A
 * Retry-After the endpoint sent (adaptive throttling's `hold_until`) holds every slot until then.
 *
 * Slots are handed out only up to about a second ahead: a rate lowered by adaptive throttling
 * then applies within a second, instead of after a backlog already booked at the old rate. The
 * rest get no slot (`granted` < `count`); the caller hands them back to come again when their
 * turn would be, so a backlog still wakes about one delivery per interval rather than all at once.
 */
export async function reserveRateSlots(
  db: DbOrTx,
  endpointId: string,
  perSecond: number,
  count: number,
): Promise<RateSlots> {
  const intervalSecs = 1 / Math.max(perSecond, 0.001);
  const horizonSecs = Math.max(RESERVE_AHEAD_MS / 1000, 2 * intervalSecs);
  const [row] = await queryRows<{
    slot_at: Date | string;
    granted: number | string;
    next_free_at: Date | string;
    wait_ms: number | string;
  }>(
    db,
    sql`with cur as (
          select ep.id, greatest(coalesce(ep.rate_tat, clock_timestamp()), clock_timestamp(),
              (select th.hold_until from endpoint_throttles th where th.endpoint_id = ep.id and ep.adaptive_throttle)
            ) as start
          from endpoints ep where ep.id = ${endpointId} for update
        ), plan as (
          select id, start, least(${count}::int, greatest(0, ceil(
            extract(epoch from (clock_timestamp() + make_interval(secs => ${horizonSecs}::double precision) - start))
              / ${intervalSecs}::double precision)))::int as granted
          from cur
        ), moved as (
          update endpoints e set rate_tat = p.start + make_interval(secs => ${intervalSecs}::double precision * p.granted)
          from plan p where e.id = p.id
          returning p.start as slot_at, p.granted, e.rate_tat as next_free_at
        )
        select slot_at, granted, next_free_at,
          greatest(0, extract(epoch from (slot_at - clock_timestamp())) * 1000)::double precision as wait_ms
        from moved`,
  );
  const intervalMs = intervalSecs * 1000;
  const horizonMs = horizonSecs * 1000;
  if (!row) {
    const now = new Date();
    return { granted: count, firstSlotAt: now, intervalMs, firstWaitMs: 0, nextFreeAt: now, horizonMs };
  }
  return {
    granted: Number(row.granted),
    firstSlotAt: new Date(row.slot_at),
    intervalMs,
    firstWaitMs: Number(row.wait_ms),
    nextFreeAt: new Date(row.next_free_at),
    horizonMs,
  };
}
