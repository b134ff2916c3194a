import { and, eq, gte, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { deliveries, endpoints } from "@/db/schema";
import type { DeliveryRunner } from "@/server/delivery/runners/delivery-runner";
import { conflict, notFound } from "@/server/errors";

/**
 * Replay after an outage: every failed delivery of the endpoint (optionally only those created
 * since a date) is due again now, as a manual attempt. The endpoint must be active.
 */
export async function replayFailedDeliveries(
  { db, accountId, runner }: { db: Db; accountId: string; runner: DeliveryRunner },
  input: { endpointId: string; since?: Date },
): Promise<{ replayed: number }> {
  const [endpoint] = await db
    .select({ status: endpoints.status })
    .from(endpoints)
    .where(and(eq(endpoints.id, input.endpointId), eq(endpoints.accountId, accountId)));
  if (!endpoint) throw notFound("Endpoint");
  if (endpoint.status !== "active") throw conflict(`The endpoint is ${endpoint.status}: enable it first, then replay.`);

  const where: SQL[] = [eq(deliveries.endpointId, input.endpointId), eq(deliveries.accountId, accountId), eq(deliveries.status, "failed")];
  if (input.since) where.push(gte(deliveries.createdAt, input.since));
  const now = new Date();
  const rows = await db
    .update(deliveries)
    .set({ status: "pending", nextAttemptAt: now, nextTrigger: "manual", rateSlotAt: null, leaseExpiresAt: null, updatedAt: now })
    .where(and(...where))
    .returning({ id: deliveries.id });
  await runner.enqueue(rows.map((r) => ({ id: r.id, endpointId: input.endpointId, dedupeKey: `${r.id}-replay-${now.getTime()}` })));
  return { replayed: rows.length };
}
