import type { ReadContext } from "@/server/auth/actor";
import { desc, eq } from "drizzle-orm";
import { apiKeys } from "@/db/schema";

/** The account's keys, newest first, revoked ones included (marked by revokedAt). Never the hash. */
export async function listApiKeys({ db, actor }: ReadContext) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      createdAt: apiKeys.createdAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.accountId, actor.accountId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}
