import { createHash, randomBytes } from "node:crypto";

export const API_KEY_PREFIX = "hk_live_";
/** How many leading characters of a key are stored and shown, so users can tell keys apart. */
export const VISIBLE_PREFIX_LENGTH = 12;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** `hk_live_` + 32 random base62 characters (~190 bits). */
export function generateApiKey(): string {
  // 62 * 4 = 248: rejecting bytes >= 248 keeps every character equally likely.
  let out = "";
  while (out.length < 32) {
    for (const byte of randomBytes(48)) {
      if (byte < 248 && out.length < 32) out += ALPHABET[byte % 62];
    }
  }
  return `${API_KEY_PREFIX}${out}`;
}

/** SHA-256 hex: what is stored and looked up. A key has enough entropy that no salt is needed. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}
