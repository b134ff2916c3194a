import type { EndpointRow } from "@/db/schema";
import { decryptSecret } from "@/server/crypto/secret-box";
import { toEndpointConfig } from "@/server/delivery/endpoint-config";
import type { EndpointConfig } from "@/server/delivery/types";
import { getEnv } from "@/server/env";

type Header = { name: string; value: string };

/** An endpoint row with what the sender needs: plaintext header values and the secrets in force. */
export type SendableEndpoint = { row: EndpointRow; config: EndpointConfig; secrets: string[] };

// Decrypting on every attempt is wasted work at thousands of deliveries per second. Plaintexts
// are cached by their ciphertext (each encryption has a fresh IV, so any edit or rotation is a
// new key), which stays right whether or not the writer bumped updated_at.
const plain = new Map<string, string>();

/** The one decrypt of an endpoint's stored secrets and header values. */
export function decryptStored(payload: string): string {
  let value = plain.get(payload);
  if (value === undefined) {
    value = decryptSecret(payload, getEnv().ENCRYPTION_KEY);
    if (plain.size >= 20_000) plain.delete(plain.keys().next().value!);
    plain.set(payload, value);
  }
  return value;
}

export function decryptCustomHeaders(enc: string | null): Header[] {
  return enc ? (JSON.parse(decryptStored(enc)) as Header[]) : [];
}

/** The current secret, plus the previous one while its rotation window is open. */
function signingSecrets(row: EndpointRow, now = Date.now()): string[] {
  const secrets = [decryptStored(row.secretEnc)];
  if (row.previousSecretEnc && row.previousSecretExpiresAt && row.previousSecretExpiresAt.getTime() > now) {
    secrets.push(decryptStored(row.previousSecretEnc));
  }
  return secrets;
}

export function toSendableEndpoint(row: EndpointRow, now = Date.now()): SendableEndpoint {
  const config = toEndpointConfig({ ...row, customHeaders: decryptCustomHeaders(row.customHeadersEnc) });
  return { row, config, secrets: signingSecrets(row, now) };
}
