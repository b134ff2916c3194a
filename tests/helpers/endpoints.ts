import type { Db } from "@/db";
import { endpoints } from "@/db/schema";
import { encryptSecret } from "@/server/crypto/secret-box";
import { generateSecret } from "@/server/delivery/sign/generate-secret";
import { getEnv } from "@/server/env";
import { newId } from "@/server/lib/ids";

type Overrides = Partial<typeof endpoints.$inferInsert> & { customHeaders?: { name: string; value: string }[] };

/** Inserts an endpoint row directly (engine tests), with a real encrypted signing secret. */
export async function insertEndpoint(db: Db, accountId: string, url: string, overrides: Overrides = {}) {
  const secret = generateSecret();
  const key = getEnv().ENCRYPTION_KEY;
  const { customHeaders, ...rest } = overrides;
  const [row] = await db
    .insert(endpoints)
    .values({
      id: newId("ep"),
      accountId,
      product: "sms",
      reportType: "dlr",
      eventTypes: ["sms.dlr"],
      method: "JSON",
      payloadFormat: "envelope",
      url,
      secretEnc: encryptSecret(secret, key),
      customHeadersEnc: customHeaders ? encryptSecret(JSON.stringify(customHeaders), key) : null,
      ...rest,
    })
    .returning();
  return { ...row!, secret };
}
