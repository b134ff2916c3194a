import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db";

/**
 * GCRA in one atomic UPDATE: an endpoint limited to R requests/second has an emission interval
 * T = 1/R. A send is allowed when its theoretical arrival time (TAT) is not in the future; the TAT
 * then moves to max(TAT, now) + T. Concurrent runners (or processes) serialise on the row, so the
 * limit holds across all of them. The database clock is the only clock used.
 *
 * Returns null when the send may go now, or the time the next slot opens (defer, never drop).
 */
export async function takeRateSlot(db: DbOrTx, endpointId: string, perSecond: number): Promise<Date | null> {
  const intervalUs = Math.max(1, Math.round(1_000_000 / perSecond));
  const taken = await queryRows<{ ok: boolean }>(
    db,
    sql`update endpoints
        set rate_tat = greatest(coalesce(rate_tat, clock_timestamp()), clock_timestamp()) + make_interval(secs => ${intervalUs}::double precision / 1000000)
        where id = ${endpointId} and coalesce(rate_tat, clock_timestamp()) <= clock_timestamp()
        returning true as ok`,
  );
  if (taken.length) return null;
  const [row] = await queryRows<{ tat: Date | string | null }>(db, sql`select rate_tat as tat from endpoints where id = ${endpointId}`);
  return row?.tat ? new Date(row.tat) : new Date();
}
