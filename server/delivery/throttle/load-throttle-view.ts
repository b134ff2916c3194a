import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { endpointThrottles } from "@/db/schema";
import { describeThrottle, type ThrottleView } from "./describe-throttle";

/** An endpoint's adaptive throttling as shown to its owner (the caller checked ownership). */
export async function loadThrottleView(
  db: DbOrTx,
  endpoint: { id: string; adaptiveThrottle: boolean; rateLimitPerSecond: number | null },
): Promise<ThrottleView> {
  const [row] = await db.select().from(endpointThrottles).where(eq(endpointThrottles.endpointId, endpoint.id));
  return describeThrottle({
    adaptiveThrottle: endpoint.adaptiveThrottle,
    rateLimitPerSecond: endpoint.rateLimitPerSecond,
    rate: row?.rate ?? null,
    reason: row?.reason ?? null,
    slowedAt: row?.slowedAt ?? null,
    recoveredAt: row?.recoveredAt ?? null,
    lastRefusalAt: row?.lastRefusalAt ?? null,
    lastRefusalStatus: row?.lastRefusalStatus ?? null,
    holdUntil: row?.holdUntil ?? null,
    p50Ms: row?.p50Ms ?? null,
  });
}
