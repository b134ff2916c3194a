import type { DomainContext } from "@/server/auth/actor";
import { sql } from "drizzle-orm";
import { accounts, endpoints } from "@/db/schema";
import { encryptSecret } from "@/server/crypto/secret-box";
import { generateSecret } from "@/server/delivery/sign/generate-secret";
import { getEnv } from "@/server/env";
import { newId } from "@/server/lib/ids";
import { assertWabaNumber } from "./assert-waba-number";
import { normalizeEndpoint } from "./normalize-endpoint";
import type { EndpointData } from "./schemas";
import { toEndpointView } from "./to-endpoint-view";

/** Creates an endpoint; the signing secret is returned here once and stored encrypted. */
export async function createEndpoint({ db, actor }: DomainContext, input: EndpointData) {
  const c = normalizeEndpoint(input);
  await assertWabaNumber(db, actor.accountId, c.wabaNumber);
  const key = getEnv().ENCRYPTION_KEY;
  const signingSecret = generateSecret();
  const [row] = await db
    .insert(endpoints)
    .values({
      id: newId("ep"),
      accountId: actor.accountId,
      description: c.description,
      product: c.product,
      reportType: c.reportType,
      eventTypes: c.eventTypes,
      method: c.method,
      payloadFormat: c.payloadFormat,
      url: c.url,
      wabaNumber: c.wabaNumber ?? null,
      paramMap: c.paramMap,
      customParams: c.customParams,
      customHeadersEnc: c.customHeaders.length ? encryptSecret(JSON.stringify(c.customHeaders), key) : null,
      secretEnc: encryptSecret(signingSecret, key),
      rateLimitPerSecond: c.rateLimitPerSecond ?? null,
      timeoutMs: c.timeoutMs,
      orderedDelivery: c.orderedDelivery,
      latestStatusOnly: c.latestStatusOnly,
      adaptiveThrottle: c.adaptiveThrottle,
      status: c.status,
      // The account's PII masking, copied so the delivery engine reads it with the endpoint.
      maskPii: sql`(select ${accounts.piiMasking} from ${accounts} where ${accounts.id} = ${actor.accountId})`,
    })
    .returning();
  return { endpoint: toEndpointView(row!), signingSecret };
}
