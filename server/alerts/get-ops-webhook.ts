import type { ReadContext } from "@/server/auth/actor";
import { and, asc, eq } from "drizzle-orm";
import { endpoints } from "@/db/schema";

/** The account's operational webhook (Settings): its `alerts` endpoint, or null when none is set. */
export async function getOpsWebhook({ db, actor }: ReadContext) {
  const [row] = await db
    .select({ id: endpoints.id, url: endpoints.url, status: endpoints.status })
    .from(endpoints)
    .where(and(eq(endpoints.accountId, actor.accountId), eq(endpoints.reportType, "alerts")))
    .orderBy(asc(endpoints.createdAt))
    .limit(1);
  return row ?? null;
}
