import type { DomainContext } from "@/server/auth/actor";
import { eq } from "drizzle-orm";
import { endpoints } from "@/db/schema";
import { encryptSecret } from "@/server/crypto/secret-box";
import { generateSecret } from "@/server/delivery/sign/generate-secret";
import { getEnv } from "@/server/env";
import { findOwnEndpoint } from "./find-own-endpoint";

const PREVIOUS_SECRET_TTL_MS = 24 * 3600_000;

/** New signing secret; the old one keeps signing alongside for 24 h so receivers can switch over. */
export async function rotateEndpointSecret({ db, actor }: DomainContext, input: { id: string }) {
  const row = await findOwnEndpoint(db, actor, input.id);
  const secret = generateSecret();
  const previousSecretExpiresAt = new Date(Date.now() + PREVIOUS_SECRET_TTL_MS);
  await db
    .update(endpoints)
    .set({
      secretEnc: encryptSecret(secret, getEnv().ENCRYPTION_KEY),
      previousSecretEnc: row.secretEnc,
      previousSecretExpiresAt,
      updatedAt: new Date(),
    })
    .where(eq(endpoints.id, row.id));
  return { secret, previousSecretExpiresAt };
}
