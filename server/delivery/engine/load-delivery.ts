import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { deliveries, endpoints, events } from "@/db/schema";

function prepareLoad(db: Db) {
  return db
    .select({
      delivery: deliveries,
      event: events,
      endpoint: endpoints,
      slotAgeMs: sql<
        number | null
      >`(extract(epoch from (clock_timestamp() - ${deliveries.rateSlotAt})) * 1000)::double precision`,
    })
    .from(deliveries)
    .innerJoin(events, eq(events.id, deliveries.eventId))
    .innerJoin(endpoints, eq(endpoints.id, deliveries.endpointId))
    .where(eq(deliveries.id, sql.placeholder("id")))
    .prepare("hookline_load_delivery");
}

// Built once per database handle: building this three-table select was a large share of the
// CPU each attempt spent (measured with --cpu-prof on the benchmark).
const prepared = new WeakMap<Db, ReturnType<typeof prepareLoad>>();

/** The delivery with its event and endpoint, and how old its reserved rate slot is (ms). */
export async function loadDelivery(db: Db, deliveryId: string) {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = prepareLoad(db)));
  const [found] = await query.execute({ id: deliveryId });
  return found;
}
