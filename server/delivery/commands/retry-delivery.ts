import type { RunnerContext } from "@/server/auth/actor";
import { and, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { deliveries, endpoints } from "@/db/schema";
import { conflict, notFound } from "@/server/errors";
import { handOff } from "@/server/delivery/hand-off";

/**
 * Manual retry: one extra attempt now, recorded as `manual`. It does not move the automatic
 * schedule: the time of the next scheduled attempt is kept in `resume_at`, and if the manual
 * attempt fails the delivery waits for that time again (`decideAfterManual`). Works for failed,
 * superseded, retrying and pending deliveries; a failed one that had used up its schedule gets this
 * one attempt. One that waits for an earlier delivery of its message stays in line (conflict). A
 * finished one that comes back leaves its message's order: later ones may already have gone.
 */
export async function retryDelivery({ db, actor: { accountId }, runner }: RunnerContext, { id }: { id: string }) {
  const [found] = await db
    .select({
      status: deliveries.status,
      leaseExpiresAt: deliveries.leaseExpiresAt,
      endpointId: deliveries.endpointId,
      blockedBy: deliveries.blockedBy,
      endpointStatus: endpoints.status,
    })
    .from(deliveries)
    .innerJoin(endpoints, eq(endpoints.id, deliveries.endpointId))
    .where(and(eq(deliveries.id, id), eq(deliveries.accountId, accountId)));
  if (!found) throw notFound("Delivery");
  if (found.status === "succeeded") throw conflict("This delivery has already succeeded.");
  const leased = found.leaseExpiresAt !== null && found.leaseExpiresAt.getTime() > Date.now();
  if (found.status === "sending" || leased) throw conflict("This delivery is being sent right now.");
  if (found.blockedBy)
    throw conflict(`This delivery waits for ${found.blockedBy} (same message) and goes once that one has finished.`);
  if (found.endpointStatus === "disabled") throw conflict("The endpoint is disabled: enable it first, then retry.");
  if (found.endpointStatus === "paused") throw conflict("The endpoint is paused: resume it first, then retry.");

  const now = new Date();
  const [updated] = await db
    .update(deliveries)
    .set({
      status: "pending",
      // A second click before the first retry ran keeps the schedule's time it had saved.
      resumeAt: sql`case
        when ${deliveries.nextTrigger} = 'manual' then ${deliveries.resumeAt}
        when ${deliveries.status} in ('pending', 'retrying') then ${deliveries.nextAttemptAt}
        else null end`,
      nextAttemptAt: now,
      nextTrigger: "manual",
      rateSlotAt: null,
      leaseExpiresAt: null,
      leaseOwner: null,
      ...(found.status === "failed" || found.status === "superseded"
        ? { orderingKey: null, successorId: null, supersededBy: null }
        : {}),
      // Needs a new run: until the runner confirms one, the Inngest sweep may send it again.
      enqueuedAt: null,
      updatedAt: now,
    })
    .where(
      and(
        eq(deliveries.id, id),
        inArray(deliveries.status, ["pending", "retrying", "failed", "superseded"]),
        isNull(deliveries.blockedBy),
        or(isNull(deliveries.leaseExpiresAt), lte(deliveries.leaseExpiresAt, now)),
      ),
    )
    .returning({
      id: deliveries.id,
      status: deliveries.status,
      nextAttemptAt: deliveries.nextAttemptAt,
      resumeAt: deliveries.resumeAt,
    });
  if (!updated) throw conflict("This delivery changed while retrying it; reload and try again.");
  // Saved as due now: if the runner cannot take it at this moment, it is picked up later.
  await handOff(runner, [{ id, endpointId: found.endpointId, dedupeKey: `${id}-retry-${now.getTime()}` }], "retry");
  return updated;
}
