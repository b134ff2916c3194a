import type { RunnerContext } from "@/server/auth/actor";
import { and, eq, inArray, isNull, lte, or } from "drizzle-orm";
import { deliveries, endpoints } from "@/db/schema";
import { conflict, notFound } from "@/server/errors";

/**
 * Manual retry: the delivery is due now and its next attempt is recorded as `manual`. Works for
 * failed, retrying and pending deliveries. A failed delivery that had used up its schedule gets
 * this one attempt; one that had not carries on with its schedule if this attempt fails too.
 */
export async function retryDelivery({ db, actor: { accountId }, runner }: RunnerContext, { id }: { id: string }) {
  const [found] = await db
    .select({
      status: deliveries.status,
      leaseExpiresAt: deliveries.leaseExpiresAt,
      endpointId: deliveries.endpointId,
      endpointStatus: endpoints.status,
    })
    .from(deliveries)
    .innerJoin(endpoints, eq(endpoints.id, deliveries.endpointId))
    .where(and(eq(deliveries.id, id), eq(deliveries.accountId, accountId)));
  if (!found) throw notFound("Delivery");
  if (found.status === "succeeded") throw conflict("This delivery has already succeeded.");
  const leased = found.leaseExpiresAt !== null && found.leaseExpiresAt.getTime() > Date.now();
  if (found.status === "sending" || leased) throw conflict("This delivery is being sent right now.");
  if (found.endpointStatus === "disabled") throw conflict("The endpoint is disabled: enable it first, then retry.");
  if (found.endpointStatus === "paused") throw conflict("The endpoint is paused: resume it first, then retry.");

  const now = new Date();
  const [updated] = await db
    .update(deliveries)
    .set({
      status: "pending",
      nextAttemptAt: now,
      nextTrigger: "manual",
      rateSlotAt: null,
      leaseExpiresAt: null,
      leaseOwner: null,
      updatedAt: now,
    })
    .where(
      and(
        eq(deliveries.id, id),
        inArray(deliveries.status, ["pending", "retrying", "failed"]),
        or(isNull(deliveries.leaseExpiresAt), lte(deliveries.leaseExpiresAt, now)),
      ),
    )
    .returning({ id: deliveries.id, status: deliveries.status, nextAttemptAt: deliveries.nextAttemptAt });
  if (!updated) throw conflict("This delivery changed while retrying it; reload and try again.");
  await runner.enqueue([{ id, endpointId: found.endpointId, dedupeKey: `${id}-retry-${now.getTime()}` }]);
  return updated;
}
