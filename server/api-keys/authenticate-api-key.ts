import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { accounts, apiKeys } from "@/db/schema";
import type { ApiKeyActor } from "@/server/auth/actor";
import { DomainError } from "@/server/errors";
import { API_KEY_PREFIX, hashApiKey } from "./hash-api-key";

const LAST_USED_RESOLUTION_MS = 60_000;

const unauthorized = (message: string) => new DomainError("UNAUTHORIZED", message);

/**
 * `Authorization: Bearer hk_live_…` → the key's account. Revoked or unknown keys, and keys of a
 * suspended account, are UNAUTHORIZED. last_used_at is written at most once a minute per key.
 */
export async function authenticateApiKey(db: DbOrTx, authorization: string | null | undefined): Promise<ApiKeyActor> {
  if (!authorization) throw unauthorized("Send your API key as `Authorization: Bearer <key>`");
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw unauthorized("The Authorization header must be `Bearer <key>`");
  const key = match[1]!;
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 128) throw unauthorized("Invalid API key");

  const [row] = await db
    .select({
      id: apiKeys.id,
      accountId: apiKeys.accountId,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      role: accounts.type,
      accountStatus: accounts.status,
    })
    .from(apiKeys)
    .innerJoin(accounts, eq(accounts.id, apiKeys.accountId))
    .where(eq(apiKeys.keyHash, hashApiKey(key)));
  if (!row || row.revokedAt) throw unauthorized("Invalid or revoked API key");
  if (row.accountStatus !== "active") throw unauthorized("This account is suspended");

  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    // The condition repeats in SQL so concurrent requests write once.
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, stale))));
  }
  return { userId: `apikey:${row.id}`, accountId: row.accountId, role: row.role, keyId: row.id };
}
