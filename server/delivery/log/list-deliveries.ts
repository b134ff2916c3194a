import type { ReadContext } from "@/server/auth/actor";
import { and, desc, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import { deliveries, endpoints, events } from "@/db/schema";
import { shownNextAttemptAt, shownStatus, shownStatusIs } from "./shown-columns";
import { listDeliveriesSchema, type ListDeliveriesInput } from "@/server/delivery/schemas";
import { findEventIds } from "@/server/events/search-events";
import { parseSearchTerm } from "@/server/events/search-term";

/** Events a delivery search looks at: the newest that match. */
const SEARCH_EVENTS = 1000;

export const deliverySummaryColumns = {
  id: deliveries.id,
  eventId: deliveries.eventId,
  eventType: events.type,
  endpointId: deliveries.endpointId,
  endpointUrl: endpoints.url,
  endpointDescription: endpoints.description,
  status: shownStatus,
  attempts: deliveries.attempts,
  nextAttemptAt: shownNextAttemptAt,
  replayId: deliveries.replayId,
  /** Ordered delivery: the message's key; the earlier delivery this one waits for. */
  orderingKey: deliveries.orderingKey,
  blockedBy: deliveries.blockedBy,
  /** Latest status only: the delivery of the same message that was sent instead of this one. */
  supersededBy: deliveries.supersededBy,
  lastStatusCode: deliveries.lastStatusCode,
  lastError: deliveries.lastError,
  deliveredAt: deliveries.deliveredAt,
  createdAt: deliveries.createdAt,
  updatedAt: deliveries.updatedAt,
};

/**
 * The account's deliveries, newest first, filtered by endpoint, event, event type, status and
 * creation time (`since` inclusive, `until` exclusive). Every filter narrows the account's own
 * rows: another account's endpoint or event id simply matches nothing. Keyset
 * pagination on the (time-ordered) id: pass the returned `nextCursor` to get the next page.
 */
export async function listDeliveries({ db, actor: { accountId } }: ReadContext, input: ListDeliveriesInput = {}) {
  const { endpointId, search, eventId, eventType, status, since, until, cursor, limit } =
    listDeliveriesSchema.parse(input);
  const where: SQL[] = [eq(deliveries.accountId, accountId)];
  if (search) {
    const term = parseSearchTerm(search);
    if (term.kind === "delivery") where.push(eq(deliveries.id, term.id));
    else {
      // The matching events (through the search indexes), then their deliveries.
      const ids = await findEventIds(db, accountId, term, { limit: SEARCH_EVENTS });
      if (!ids.length) return { data: [], nextCursor: null };
      where.push(inArray(deliveries.eventId, ids));
    }
  }
  if (endpointId) where.push(eq(deliveries.endpointId, endpointId));
  if (eventId) where.push(eq(deliveries.eventId, eventId));
  if (eventType) where.push(eq(events.type, eventType));
  if (status) where.push(shownStatusIs(status));
  if (since) where.push(gte(deliveries.createdAt, since));
  if (until) where.push(lt(deliveries.createdAt, until));
  if (cursor) where.push(lt(deliveries.id, cursor));

  const rows = await db
    .select(deliverySummaryColumns)
    .from(deliveries)
    .innerJoin(events, eq(events.id, deliveries.eventId))
    .innerJoin(endpoints, eq(endpoints.id, deliveries.endpointId))
    .where(and(...where))
    .orderBy(desc(deliveries.id))
    .limit(limit + 1);
  const data = rows.slice(0, limit);
  return { data, nextCursor: rows.length > limit ? data[data.length - 1]!.id : null };
}
