import type { EndpointRow } from "@/db/schema";
import { decryptCustomHeaders } from "./decrypt-endpoint";
import { MASKED_VALUE } from "./schemas";

export type EndpointView = ReturnType<typeof toEndpointView>;

/** What tRPC and REST return for an endpoint: no secrets, header values masked. */
export function toEndpointView(row: EndpointRow) {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    product: row.product,
    reportType: row.reportType,
    eventTypes: row.eventTypes,
    method: row.method,
    payloadFormat: row.payloadFormat,
    wabaNumber: row.wabaNumber,
    paramMap: row.paramMap,
    customParams: row.customParams,
    customHeaders: decryptCustomHeaders(row.customHeadersEnc).map((h) => ({ name: h.name, value: MASKED_VALUE })),
    rateLimitPerSecond: row.rateLimitPerSecond,
    timeoutMs: row.timeoutMs,
    orderedDelivery: row.orderedDelivery,
    latestStatusOnly: row.latestStatusOnly,
    adaptiveThrottle: row.adaptiveThrottle,
    status: row.status,
    disabledReason: row.disabledReason,
    disabledAt: row.disabledAt,
    consecutiveFailures: row.consecutiveFailures,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
