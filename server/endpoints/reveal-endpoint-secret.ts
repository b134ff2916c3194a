import type { Db } from "@/db";
import type { Actor } from "@/server/api/trpc";
import { decryptSecret } from "@/server/crypto/secret-box";
import { getEnv } from "@/server/env";
import { findOwnEndpoint } from "./find-own-endpoint";

export async function revealEndpointSecret({ db, actor }: { db: Db; actor: Actor }, input: { id: string }) {
  const row = await findOwnEndpoint(db, actor, input.id);
  const previousValid =
    !!row.previousSecretEnc && !!row.previousSecretExpiresAt && row.previousSecretExpiresAt > new Date();
  return {
    secret: decryptSecret(row.secretEnc, getEnv().ENCRYPTION_KEY),
    previousSecretExpiresAt: previousValid ? row.previousSecretExpiresAt : null,
  };
}
