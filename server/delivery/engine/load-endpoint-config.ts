import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { endpoints, type EndpointRow } from "@/db/schema";
import { decryptSecret } from "@/server/crypto/secret-box";
import { getEnv } from "@/server/env";
import type { EndpointConfig } from "@/server/delivery/types";

export type LoadedEndpoint = { row: EndpointRow; config: EndpointConfig; secrets: string[] };

// Decrypting on every attempt is wasted work at thousands of deliveries per second; the cache key
// includes updated_at, so any edit (URL, headers, rotation) is picked up at once.
const cache = new Map<string, { updatedAt: number; value: LoadedEndpoint; previousExpires: number | null }>();

export async function loadEndpointConfig(db: DbOrTx, endpointId: string): Promise<LoadedEndpoint | null> {
  const [row] = await db.select().from(endpoints).where(eq(endpoints.id, endpointId));
  if (!row) return null;
  return toLoadedEndpoint(row);
}

/** Decrypts an endpoint row (cached per id + updated_at). */
export function toLoadedEndpoint(row: EndpointRow, now = Date.now()): LoadedEndpoint {
  const hit = cache.get(row.id);
  if (hit && hit.updatedAt === row.updatedAt.getTime() && (hit.previousExpires === null || hit.previousExpires > now)) {
    return { ...hit.value, row };
  }
  const key = getEnv().ENCRYPTION_KEY;
  const customHeaders = row.customHeadersEnc ? (JSON.parse(decryptSecret(row.customHeadersEnc, key)) as { name: string; value: string }[]) : [];
  const secrets = [decryptSecret(row.secretEnc, key)];
  const previousExpires = row.previousSecretExpiresAt?.getTime() ?? null;
  if (row.previousSecretEnc && previousExpires && previousExpires > now) secrets.push(decryptSecret(row.previousSecretEnc, key));
  const config: EndpointConfig = {
    id: row.id,
    url: row.url,
    method: row.method,
    payloadFormat: row.payloadFormat,
    paramMap: row.paramMap,
    customParams: row.customParams,
    customHeaders,
    timeoutMs: row.timeoutMs,
  };
  const value = { row, config, secrets };
  cache.set(row.id, { updatedAt: row.updatedAt.getTime(), value, previousExpires: previousExpires && previousExpires > now ? previousExpires : null });
  if (cache.size > 10_000) cache.delete(cache.keys().next().value!);
  return value;
}
