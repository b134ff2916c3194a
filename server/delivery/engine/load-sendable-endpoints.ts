import { inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { endpoints } from "@/db/schema";
import { toSendableEndpoint, type SendableEndpoint } from "@/server/endpoints/decrypt-endpoint";

type Entry = { version: string; sendable: SendableEndpoint; freshUntil: number };

// Endpoint configs by id, valid for one row version (xmin: every write to the row changes it, so
// no writer has to remember to bump anything). An entry also expires when a rotated-out secret
// stops signing, so the old secret drops out on time.
const cache = new Map<string, Entry>();
const MAX_ENTRIES = 10_000;

/**
 * What the sender needs for each endpoint, decrypted: from the cache when the claim saw the same
 * row version, else loaded in one query for all the misses.
 */
export async function loadSendableEndpoints(
  db: DbOrTx,
  wanted: Map<string, string>,
  now = Date.now(),
): Promise<Map<string, SendableEndpoint>> {
  const found = new Map<string, SendableEndpoint>();
  const missing: string[] = [];
  for (const [id, version] of wanted) {
    const hit = cache.get(id);
    if (hit && hit.version === version && hit.freshUntil > now) found.set(id, hit.sendable);
    else missing.push(id);
  }
  if (!missing.length) return found;
  const rows = await db
    .select({ row: endpoints, version: sql<string>`${endpoints}.xmin::text` })
    .from(endpoints)
    .where(inArray(endpoints.id, missing));
  for (const { row, version } of rows) {
    const sendable = toSendableEndpoint(row, now);
    const previousUntil = row.previousSecretExpiresAt?.getTime() ?? Infinity;
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(row.id, {
      version: String(version),
      sendable,
      freshUntil: previousUntil > now ? previousUntil : Infinity,
    });
    found.set(row.id, sendable);
  }
  return found;
}
