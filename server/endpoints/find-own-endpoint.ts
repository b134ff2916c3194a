import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { endpoints } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { notFound } from "@/server/errors";

/** The actor's endpoint, or NOT_FOUND — also for another account's id, so ids leak nothing. */
export async function findOwnEndpoint(db: DbOrTx, actor: Pick<Actor, "accountId">, id: string) {
  const [row] = await db
    .select()
    .from(endpoints)
    .where(and(eq(endpoints.id, id), eq(endpoints.accountId, actor.accountId)));
  if (!row) throw notFound("Endpoint");
  return row;
}
