import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { endpoints } from "@/db/schema";
import type { Actor } from "@/server/api/trpc";
import { toEndpointView } from "./to-endpoint-view";

export async function listEndpoints({ db, actor }: { db: Db; actor: Actor }) {
  const rows = await db
    .select()
    .from(endpoints)
    .where(eq(endpoints.accountId, actor.accountId))
    .orderBy(desc(endpoints.createdAt), desc(endpoints.id));
  return rows.map(toEndpointView);
}
