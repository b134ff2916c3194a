import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { deliveries } from "@/db/schema";
import { reserveRateSlot } from "./reserve-rate-slot";

/** A reserved slot missed by more than this (paused endpoint, dead process) is taken anew. */
const SLOT_GRACE_MS = 1000;

/**
 * How long a delivery may wait in-process for its slot (at most 5 intervals, at most 1 s: waiting
 * holds one of the endpoint's in-flight places), and how early a deferred delivery is claimed
 * again, so that it too is sent on the in-process timer rather than on the claim loop's latency.
 */
function slotWindows(perSecond: number) {
  const interval = 1000 / perSecond;
  // Half an interval: the claim then falls between two sends, not on top of the previous one.
  return { maxWaitMs: Math.min(1000, 5 * interval), leadMs: Math.min(250, interval / 2) };
}

type Delivery = { id: string; attempts: number };

/**
 * Holds the delivery until its rate-limited send slot opens. Returns null when it may be sent
 * now; otherwise the delivery has been handed back (attempts unchanged), due just before its
 * reserved slot. `slotAgeMs` is how long ago (database clock) its reserved slot opened, if any.
 */
export async function holdRateSlot(
  db: Db,
  delivery: Delivery,
  slotAgeMs: number | null,
  endpointId: string,
  perSecond: number,
): Promise<Date | null> {
  const { maxWaitMs, leadMs } = slotWindows(perSecond);
  if (slotAgeMs !== null && slotAgeMs >= -maxWaitMs && slotAgeMs <= SLOT_GRACE_MS) {
    await sleep(-slotAgeMs);
    return null;
  }
  const slot = await reserveRateSlot(db, endpointId, perSecond);
  if (slot.waitMs <= maxWaitMs) {
    await sleep(slot.waitMs);
    return null;
  }
  const dueAt = new Date(slot.slotAt.getTime() - leadMs);
  await db
    .update(deliveries)
    .set({
      status: delivery.attempts > 0 ? "retrying" : "pending",
      nextAttemptAt: dueAt,
      rateSlotAt: slot.slotAt,
      leaseExpiresAt: null,
      updatedAt: new Date(),
    })
    .where(eq(deliveries.id, delivery.id));
  return dueAt;
}

const sleep = (ms: number) => (ms > 0 ? new Promise<void>((r) => setTimeout(r, ms)) : Promise.resolve());
