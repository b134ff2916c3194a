import type { ReadContext } from "@/server/auth/actor";
import { and, asc, eq, ne } from "drizzle-orm";
import { endpoints, wabaNumbers } from "@/db/schema";
import { catalog, INGESTIBLE_EVENT_TYPES, sampleEvent } from "./catalog";

/**
 * What the Send sample event dialog offers: every type a client may send (not the ones Hookline
 * emits itself) with its catalog sample, and the account's endpoints that can receive events
 * (not disabled) so the dialog shows who will get the one picked. A WhatsApp sample carries the
 * account's own WABA number — that of the first endpoint subscribed to the type, else the first
 * number in Settings — so it reaches the account's endpoint, not the catalog's example number.
 */
export async function sendSampleEventOptions({ db, actor: { accountId } }: ReadContext) {
  const receivers = await db
    .select({
      id: endpoints.id,
      url: endpoints.url,
      description: endpoints.description,
      status: endpoints.status,
      eventTypes: endpoints.eventTypes,
      wabaNumber: endpoints.wabaNumber,
    })
    .from(endpoints)
    .where(and(eq(endpoints.accountId, accountId), ne(endpoints.status, "disabled")))
    .orderBy(asc(endpoints.id));
  const [firstNumber] = await db
    .select({ number: wabaNumbers.number })
    .from(wabaNumbers)
    .where(eq(wabaNumbers.accountId, accountId))
    .orderBy(asc(wabaNumbers.createdAt), asc(wabaNumbers.id))
    .limit(1);

  const types = INGESTIBLE_EVENT_TYPES.map((type) => {
    const own = receivers.find((ep) => ep.eventTypes.includes(type) && ep.wabaNumber)?.wabaNumber;
    return {
      type,
      label: catalog[type].label,
      description: catalog[type].description,
      sample: sampleEvent(type, { wabaNumber: own ?? firstNumber?.number }).data,
    };
  });
  return { types, endpoints: receivers };
}
