import { and, eq, notInArray } from "drizzle-orm";
import type { Db } from "@/db";
import { deliveries } from "@/db/schema";

/**
 * Ends a delivery that the machinery itself could not carry on with (the Inngest function ran out
 * of retries). A delivery that already finished is left alone; a failed one can be retried by hand.
 */
export async function failDelivery(db: Db, deliveryId: string, reason: string): Promise<boolean> {
  const rows = await db
    .update(deliveries)
    .set({
      status: "failed",
      leaseExpiresAt: null,
      leaseOwner: null,
      rateSlotAt: null,
      lastError: reason,
      updatedAt: new Date(),
    })
    .where(and(eq(deliveries.id, deliveryId), notInArray(deliveries.status, ["succeeded", "failed"])))
    .returning({ id: deliveries.id });
  return rows.length > 0;
}
