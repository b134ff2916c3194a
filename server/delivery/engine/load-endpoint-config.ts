import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { endpoints, type EndpointRow } from "@/db/schema";
import { decryptSecret } from "@/server/crypto/secret-box";
import { getEnv } from "@/server/env";
import type { EndpointConfig } from "@/server/delivery/types";

export type LoadedEndpoint = { row: EndpointRow; config: EndpointConfig; secrets: string[] };

// Decrypting on every attempt is wasted work at thousands of deliveries per second. Plaintexts
// are cached by their ciphertext (each encryption has a fresh IV, so any edit or rotation is a
// new key), which stays right whether or not the writer bumped updated_at.
const plain = new Map<string, string>();

function decrypt(payload: string): string {
  let value = plain.get(payload);
  if (value === undefined) {
    value = decryptSecret(payload, getEnv().ENCRYPTION_KEY);
    if (plain.size >= 20_000) plain.delete(plain.keys().next().value!);
    plain.set(payload, value);
  }
  return value;
}

/** An endpoint's row and what the sender needs from it, secrets decrypted; null if it does not exist. */
export async function loadEndpointConfig(db: DbOrTx, endpointId: string): Promise<LoadedEndpoint | null> {
  const [row] = await db.select().from(endpoints).where(eq(endpoints.id, endpointId));
  if (!row) return null;
  return toLoadedEndpoint(row);
}

/**
 * Decrypts an endpoint row: custom headers, and the signing secrets in force — the current one,
 * plus the previous one while its rotation window (previous_secret_expires_at) is open.
 */
export function toLoadedEndpoint(row: EndpointRow, now = Date.now()): LoadedEndpoint {
  const customHeaders = row.customHeadersEnc
    ? (JSON.parse(decrypt(row.customHeadersEnc)) as { name: string; value: string }[])
    : [];
  const secrets = [decrypt(row.secretEnc)];
  if (row.previousSecretEnc && row.previousSecretExpiresAt && row.previousSecretExpiresAt.getTime() > now) {
    secrets.push(decrypt(row.previousSecretEnc));
  }
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
  return { row, config, secrets };
}
