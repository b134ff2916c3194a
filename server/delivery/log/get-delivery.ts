import type { ReadContext } from "@/server/auth/actor";
import { and, asc, eq } from "drizzle-orm";
import { deliveries, deliveryAttempts, endpoints, events } from "@/db/schema";
import { notFound } from "@/server/errors";
import { deliverySummaryColumns } from "./list-deliveries";

/**
 * One delivery of the account with its event, endpoint and every attempt, oldest first, in
 * `attemptLog` (`attempts` stays the count, as in the list). Another account's id is NOT_FOUND.
 */
export async function getDelivery({ db, actor: { accountId } }: ReadContext, { id }: { id: string }) {
  const [row] = await db
    .select({
      ...deliverySummaryColumns,
      event: { id: events.id, type: events.type, data: events.data, createdAt: events.createdAt },
      endpoint: {
        id: endpoints.id,
        url: endpoints.url,
        description: endpoints.description,
        method: endpoints.method,
        status: endpoints.status,
      },
    })
    .from(deliveries)
    .innerJoin(events, eq(events.id, deliveries.eventId))
    .innerJoin(endpoints, eq(endpoints.id, deliveries.endpointId))
    .where(and(eq(deliveries.id, id), eq(deliveries.accountId, accountId)));
  if (!row) throw notFound("Delivery");
  const attemptLog = await db
    .select({
      id: deliveryAttempts.id,
      attemptNumber: deliveryAttempts.attemptNumber,
      trigger: deliveryAttempts.trigger,
      request: deliveryAttempts.request,
      responseStatus: deliveryAttempts.responseStatus,
      responseHeaders: deliveryAttempts.responseHeaders,
      responseBody: deliveryAttempts.responseBody,
      durationMs: deliveryAttempts.durationMs,
      errorClass: deliveryAttempts.errorClass,
      errorMessage: deliveryAttempts.errorMessage,
      createdAt: deliveryAttempts.createdAt,
    })
    .from(deliveryAttempts)
    .where(and(eq(deliveryAttempts.deliveryId, id), eq(deliveryAttempts.accountId, accountId)))
    .orderBy(asc(deliveryAttempts.createdAt), asc(deliveryAttempts.id));
  return { ...row, attemptLog };
}
