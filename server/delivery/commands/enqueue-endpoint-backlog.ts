import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { deliveries } from "@/db/schema";
import type { DeliveryRunner } from "@/server/delivery/delivery-runner";

/**
 * After an endpoint is resumed: hands its waiting deliveries to the runner again (the Inngest
 * runner ended their runs while the endpoint was paused; the local runner only needs waking).
 * The caller checks the endpoint belongs to the actor. Returns how many were enqueued.
 */
export async function enqueueEndpointBacklog(
  { db, runner }: { db: Db; runner: DeliveryRunner },
  endpointId: string,
): Promise<number> {
  const waiting = await db
    .select({ id: deliveries.id })
    .from(deliveries)
    // Those waiting for an earlier delivery of their message are handed over when it ends.
    .where(
      and(
        eq(deliveries.endpointId, endpointId),
        inArray(deliveries.status, ["pending", "retrying"]),
        isNull(deliveries.blockedBy),
      ),
    );
  const key = Date.now();
  await runner.enqueue(waiting.map((d) => ({ id: d.id, endpointId, dedupeKey: `${d.id}-resume-${key}` })));
  return waiting.length;
}
