import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { deliveries } from "@/db/schema";
import type { DeliveryRunner } from "@/server/delivery/delivery-runner";
import { handOff } from "@/server/delivery/hand-off";

/** The most deliveries handed over by one resume; the Inngest sweep picks up the rest. */
const RESUME_LIMIT = 5_000;

/**
 * After an endpoint is resumed: hands its waiting deliveries to the runner again (the Inngest
 * runner ended their runs while the endpoint was paused; the local runner only needs waking),
 * the first due first and at most `limit` of them, so the request stays small however long the
 * pause was: the rest hold no run (theirs ended on the pause), so the Inngest sweep sends them, as
 * it does after a failed hand-off. The caller checks the endpoint belongs to the actor. Returns how many were handed over.
 */
export async function enqueueEndpointBacklog(
  { db, runner, limit = RESUME_LIMIT }: { db: Db; runner: DeliveryRunner; limit?: number },
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
    )
    .orderBy(asc(deliveries.nextAttemptAt))
    .limit(limit);
  const key = Date.now();
  await handOff(
    runner,
    waiting.map((d) => ({ id: d.id, endpointId, dedupeKey: `${d.id}-resume-${key}` })),
    "resume",
  );
  return waiting.length;
}
