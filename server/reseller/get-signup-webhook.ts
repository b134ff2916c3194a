import type { DomainContext } from "@/server/auth/actor";
import { and, asc, eq } from "drizzle-orm";
import { endpoints } from "@/db/schema";
import { toEndpointView } from "@/server/endpoints/to-endpoint-view";

/** The reseller's Signup Webhook: its endpoint of product `platform`, or null before it is set. */
export async function getSignupWebhook({ db, actor }: DomainContext) {
  const [row] = await db
    .select()
    .from(endpoints)
    .where(
      and(
        eq(endpoints.accountId, actor.accountId),
        eq(endpoints.product, "platform"),
        eq(endpoints.reportType, "signup"),
      ),
    )
    .orderBy(asc(endpoints.createdAt))
    .limit(1);
  if (!row) return null;
  const view = toEndpointView(row);
  return { ...view, sendMethod: row.method === "GET" ? ("GET" as const) : ("POST" as const) };
}
