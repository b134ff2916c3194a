import type { DomainContext } from "@/server/auth/actor";
import { desc, eq } from "drizzle-orm";
import { endpoints } from "@/db/schema";
import { toEndpointView } from "./to-endpoint-view";

export async function listEndpoints({ db, actor }: DomainContext) {
  const rows = await db
    .select()
    .from(endpoints)
    .where(eq(endpoints.accountId, actor.accountId))
    .orderBy(desc(endpoints.createdAt), desc(endpoints.id));
  return rows.map(toEndpointView);
}
