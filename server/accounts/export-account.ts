import { desc, eq } from "drizzle-orm";
import { accounts, apiKeys, deliveries, endpoints, events, users, wabaNumbers, whiteLabels } from "@/db/schema";
import type { DomainContext } from "@/server/auth/actor";
import { toEndpointView } from "@/server/endpoints/to-endpoint-view";
import { notFound } from "@/server/errors";
import { inCatalogOrder } from "@/server/events/catalog";
import { maskEventData } from "@/server/events/mask-pii";

/** The most events and deliveries one export carries (newest first); `truncated` says when there were more. */
const EXPORT_LIMIT = 50_000;

/**
 * Everything the account owns, as JSON: profile, endpoints (header values masked, no signing
 * secrets), WABA numbers, API keys (no hashes), storefront, events (PII masked as in the views)
 * and deliveries. Only the actor's account, every query filtered by it.
 */
export async function exportAccount({ db, actor }: DomainContext) {
  const own = actor.accountId;
  const [account] = await db
    .select({
      id: accounts.id,
      type: accounts.type,
      name: accounts.name,
      status: accounts.status,
      piiMasking: accounts.piiMasking,
      retentionDays: accounts.retentionDays,
      createdAt: accounts.createdAt,
    })
    .from(accounts)
    .where(eq(accounts.id, own));
  if (!account) throw notFound("Account");

  const [people, endpointRows, numbers, keys, storefront, eventRows, deliveryRows] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        username: users.username,
        fullName: users.fullName,
        mobileNumber: users.mobileNumber,
        city: users.city,
        region: users.region,
        country: users.country,
        createdAt: users.createdAt,
      })
      .from(users)
      .where(eq(users.accountId, own)),
    db.select().from(endpoints).where(eq(endpoints.accountId, own)).orderBy(endpoints.id),
    db
      .select({
        id: wabaNumbers.id,
        number: wabaNumbers.number,
        label: wabaNumbers.label,
        createdAt: wabaNumbers.createdAt,
      })
      .from(wabaNumbers)
      .where(eq(wabaNumbers.accountId, own)),
    db
      .select({
        id: apiKeys.id,
        name: apiKeys.name,
        prefix: apiKeys.prefix,
        lastUsedAt: apiKeys.lastUsedAt,
        revokedAt: apiKeys.revokedAt,
        createdAt: apiKeys.createdAt,
      })
      .from(apiKeys)
      .where(eq(apiKeys.accountId, own)),
    db
      .select({
        slug: whiteLabels.slug,
        brandName: whiteLabels.brandName,
        logoUrl: whiteLabels.logoUrl,
        primaryColor: whiteLabels.primaryColor,
        supportEmail: whiteLabels.supportEmail,
      })
      .from(whiteLabels)
      .where(eq(whiteLabels.resellerId, own)),
    db
      .select({
        id: events.id,
        type: events.type,
        data: events.data,
        idempotencyKey: events.idempotencyKey,
        piiMasked: events.piiMasked,
        createdAt: events.createdAt,
      })
      .from(events)
      .where(eq(events.accountId, own))
      .orderBy(desc(events.id))
      .limit(EXPORT_LIMIT + 1),
    db
      .select({
        id: deliveries.id,
        eventId: deliveries.eventId,
        endpointId: deliveries.endpointId,
        status: deliveries.status,
        attempts: deliveries.attempts,
        lastStatusCode: deliveries.lastStatusCode,
        lastError: deliveries.lastError,
        deliveredAt: deliveries.deliveredAt,
        createdAt: deliveries.createdAt,
      })
      .from(deliveries)
      .where(eq(deliveries.accountId, own))
      .orderBy(desc(deliveries.id))
      .limit(EXPORT_LIMIT + 1),
  ]);

  return {
    exportedAt: new Date(),
    account,
    users: people,
    storefront: storefront[0] ?? null,
    wabaNumbers: numbers,
    apiKeys: keys,
    endpoints: endpointRows.map(toEndpointView),
    events: eventRows.slice(0, EXPORT_LIMIT).map(({ piiMasked, data, ...e }) => ({
      ...e,
      data: inCatalogOrder(e.type, piiMasked || account.piiMasking ? maskEventData(data) : data),
    })),
    deliveries: deliveryRows.slice(0, EXPORT_LIMIT),
    truncated: eventRows.length > EXPORT_LIMIT || deliveryRows.length > EXPORT_LIMIT,
  };
}
