import type { ReadContext } from "@/server/auth/actor";
import { apiKeys } from "@/db/schema";
import { newId } from "@/server/lib/ids";
import { generateApiKey, hashApiKey, VISIBLE_PREFIX_LENGTH } from "./hash-api-key";
import type { CreateApiKeyInput } from "./schemas";

/** A new API key for the actor's account. The plaintext key is returned here once; only its hash is kept. */
export async function createApiKey({ db, actor }: ReadContext, input: CreateApiKeyInput) {
  const key = generateApiKey();
  const [row] = await db
    .insert(apiKeys)
    .values({
      id: newId("key"),
      accountId: actor.accountId,
      name: input.name,
      prefix: key.slice(0, VISIBLE_PREFIX_LENGTH),
      keyHash: hashApiKey(key),
    })
    .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, createdAt: apiKeys.createdAt });
  return { ...row!, key };
}
