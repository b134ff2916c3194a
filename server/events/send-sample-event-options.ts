import type { ReadContext } from "@/server/auth/actor";
import { and, asc, eq, ne } from "drizzle-orm";
import { endpoints } from "@/db/schema";
import { catalog, EVENT_TYPES } from "./catalog";

/**
 * What the Send sample event dialog offers: every type a client may send (not `user.signup`,
 * which only storefront sign-ups emit) with its catalog sample, and the account's endpoints
 * that can receive events (not disabled) so the dialog shows who will get the one picked.
 */
export async function sendSampleEventOptions({ db, actor: { accountId } }: ReadContext) {
  const types = EVENT_TYPES.filter((t) => t !== "user.signup").map((type) => ({
    type,
    label: catalog[type].label,
    description: catalog[type].description,
    sample: structuredClone(catalog[type].sample),
  }));
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
  return { types, endpoints: receivers };
}
