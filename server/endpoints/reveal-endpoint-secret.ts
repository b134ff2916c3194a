import type { DomainContext } from "@/server/auth/actor";
import { decryptStored } from "./decrypt-endpoint";
import { findOwnEndpoint } from "./find-own-endpoint";

export async function revealEndpointSecret({ db, actor }: DomainContext, input: { id: string }) {
  const row = await findOwnEndpoint(db, actor, input.id);
  const previousValid =
    !!row.previousSecretEnc && !!row.previousSecretExpiresAt && row.previousSecretExpiresAt > new Date();
  return {
    secret: decryptStored(row.secretEnc),
    previousSecretExpiresAt: previousValid ? row.previousSecretExpiresAt : null,
  };
}
