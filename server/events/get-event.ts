import type { ReadContext } from "@/server/auth/actor";
import { and, asc, eq } from "drizzle-orm";
import { accounts, deliveries, endpoints, events } from "@/db/schema";
import { shownNextAttemptAt, shownStatus } from "@/server/delivery/log/shown-columns";
import { notFound } from "@/server/errors";
import { inCatalogOrder } from "./catalog";
import { maskEventData } from "./mask-pii";
import { overallStatus } from "./list-events";

/**
 * One event of the account: its payload (PII masked, see mask-pii.ts) and one delivery per endpoint (with the endpoint's url
 * and description), oldest first. Another account's id is NOT_FOUND, so ids leak nothing.
 */
export async function getEvent({ db, actor: { accountId } }: ReadContext, { id }: { id: string }) {
  const [event] = await db
    .select({
      id: events.id,
      type: events.type,
      data: events.data,
      idempotencyKey: events.idempotencyKey,
      createdAt: events.createdAt,
      piiMasked: events.piiMasked,
      accountMasks: accounts.piiMasking,
    })
    .from(events)
    .innerJoin(accounts, eq(accounts.id, events.accountId))
    .where(and(eq(events.id, id), eq(events.accountId, accountId)));
  if (!event) throw notFound("Event");

  const rows = await db
    .select({
      id: deliveries.id,
      endpointId: deliveries.endpointId,
      endpointUrl: endpoints.url,
      endpointDescription: endpoints.description,
      endpointStatus: endpoints.status,
      status: shownStatus,
      attempts: deliveries.attempts,
      lastStatusCode: deliveries.lastStatusCode,
      lastError: deliveries.lastError,
      nextAttemptAt: shownNextAttemptAt,
      deliveredAt: deliveries.deliveredAt,
      createdAt: deliveries.createdAt,
      updatedAt: deliveries.updatedAt,
    })
    .from(deliveries)
    .innerJoin(endpoints, eq(endpoints.id, deliveries.endpointId))
    .where(and(eq(deliveries.eventId, id), eq(deliveries.accountId, accountId)))
    .orderBy(asc(deliveries.id));

  const counts = {
    total: rows.length,
    succeeded: rows.filter((d) => d.status === "succeeded").length,
    failed: rows.filter((d) => d.status === "failed").length,
    inFlight: rows.filter((d) => d.status === "pending" || d.status === "sending" || d.status === "retrying").length,
    superseded: rows.filter((d) => d.status === "superseded").length,
  };
  const { piiMasked, accountMasks, ...shown } = event;
  // Masked when the account masks PII now, or did when the event arrived.
  const masked = piiMasked || accountMasks;
  return {
    ...shown,
    data: inCatalogOrder(event.type, masked ? maskEventData(event.data) : event.data),
    masked,
    deliveries: rows,
    counts,
    status: overallStatus(counts),
  };
}
