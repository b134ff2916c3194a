import type { ReadContext } from "@/server/auth/actor";
import { and, eq, isNull } from "drizzle-orm";
import { apiKeys } from "@/db/schema";
import { notFound } from "@/server/errors";

/** Revokes a key of the actor's account at once; revoking twice is a no-op. */
export async function revokeApiKey({ db, actor }: ReadContext, input: { id: string }) {
  const own = and(eq(apiKeys.id, input.id), eq(apiKeys.accountId, actor.accountId));
  const [row] = await db.select({ id: apiKeys.id }).from(apiKeys).where(own);
  if (!row) throw notFound("API key");
  await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(own, isNull(apiKeys.revokedAt)));
  return { id: row.id, revoked: true as const };
}
