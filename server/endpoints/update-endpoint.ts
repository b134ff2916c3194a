import type { DomainContext } from "@/server/auth/actor";
import { eq } from "drizzle-orm";
import { endpoints } from "@/db/schema";
import { parkEndpointBacklog, unparkEndpointBacklog } from "@/server/delivery/engine/park";
import { encryptSecret } from "@/server/crypto/secret-box";
import { getEnv } from "@/server/env";
import { assertWabaNumber } from "./assert-waba-number";
import { findOwnEndpoint } from "./find-own-endpoint";
import { normalizeEndpoint } from "./normalize-endpoint";
import { MASKED_VALUE, type EndpointUpdate } from "./schemas";
import { resolveHeaderValues } from "./resolve-header-values";
import { decryptCustomHeaders } from "./decrypt-endpoint";
import { toEndpointView } from "./to-endpoint-view";

/**
 * PATCH semantics: the given fields replace the stored ones, then the merged endpoint is
 * validated as a whole. A header sent back with MASKED_VALUE (or left out) keeps its stored
 * value — unless the URL moves to another origin, where stored values must be entered again.
 */
export async function updateEndpoint({ db, actor }: DomainContext, input: { id: string; data: EndpointUpdate }) {
  const row = await findOwnEndpoint(db, actor, input.id);
  const stored = decryptCustomHeaders(row.customHeadersEnc);
  const url = input.data.url ?? row.url;
  // Headers left out keep their values only while the URL stays on the same origin.
  const headers = input.data.customHeaders
    ? resolveHeaderValues(input.data.customHeaders, { headers: stored, url: row.url }, url)
    : resolveHeaderValues(
        stored.map((h) => ({ name: h.name, value: MASKED_VALUE })),
        { headers: stored, url: row.url },
        url,
      );
  const productChanged = input.data.product !== undefined && input.data.product !== row.product;
  const reportChanged = input.data.reportType !== undefined && input.data.reportType !== row.reportType;
  const c = normalizeEndpoint({
    url,
    description: input.data.description ?? row.description,
    product: input.data.product ?? row.product,
    reportType: input.data.reportType ?? row.reportType,
    // A new product/report type brings its own defaults unless the caller chose event types.
    eventTypes: input.data.eventTypes ?? (productChanged || reportChanged ? undefined : row.eventTypes),
    method: input.data.method ?? row.method,
    payloadFormat: input.data.payloadFormat ?? row.payloadFormat,
    wabaNumber: input.data.wabaNumber !== undefined ? input.data.wabaNumber : row.wabaNumber,
    paramMap: input.data.paramMap ?? (productChanged || reportChanged ? {} : row.paramMap),
    customParams: input.data.customParams ?? row.customParams,
    customHeaders: headers,
    rateLimitPerSecond:
      input.data.rateLimitPerSecond !== undefined ? input.data.rateLimitPerSecond : row.rateLimitPerSecond,
    timeoutMs: input.data.timeoutMs ?? row.timeoutMs,
    orderedDelivery: input.data.orderedDelivery ?? row.orderedDelivery,
    latestStatusOnly: input.data.latestStatusOnly ?? row.latestStatusOnly,
    adaptiveThrottle: input.data.adaptiveThrottle ?? row.adaptiveThrottle,
  });
  if (c.wabaNumber !== row.wabaNumber) await assertWabaNumber(db, actor.accountId, c.wabaNumber);

  const status = input.data.status ?? row.status;
  const reenabled = status === "active" && row.status === "disabled";
  const [updated] = await db
    .update(endpoints)
    .set({
      url: c.url,
      description: c.description,
      product: c.product,
      reportType: c.reportType,
      eventTypes: c.eventTypes,
      method: c.method,
      payloadFormat: c.payloadFormat,
      wabaNumber: c.wabaNumber ?? null,
      paramMap: c.paramMap,
      customParams: c.customParams,
      customHeadersEnc: c.customHeaders.length
        ? encryptSecret(JSON.stringify(c.customHeaders), getEnv().ENCRYPTION_KEY)
        : null,
      rateLimitPerSecond: c.rateLimitPerSecond ?? null,
      timeoutMs: c.timeoutMs,
      orderedDelivery: c.orderedDelivery,
      latestStatusOnly: c.latestStatusOnly,
      adaptiveThrottle: c.adaptiveThrottle,
      status,
      ...(reenabled || status !== "disabled" ? { disabledReason: null, disabledAt: null } : {}),
      ...(reenabled ? { consecutiveFailures: 0 } : {}),
      // A new rate starts a fresh GCRA schedule instead of keeping slots reserved at the old one.
      ...((c.rateLimitPerSecond ?? null) !== row.rateLimitPerSecond ? { rateTat: null } : {}),
      updatedAt: new Date(),
    })
    .where(eq(endpoints.id, row.id))
    .returning();
  if (status === "paused" && row.status !== "paused") await parkEndpointBacklog(db, row.id);
  if (status !== "paused" && row.status === "paused") await unparkEndpointBacklog(db, row.id);
  return toEndpointView(updated!);
}
