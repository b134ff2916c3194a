import { invalid } from "@/server/errors";
import { defaultEventTypes, defaultParamMap } from "./param-map";
import { validateEndpointConfig, type EndpointConfigShape } from "./validate-endpoint-config";

/** Fills defaults (event types, parameter names), drops empty names, and re-checks the whole config. */
export function normalizeEndpoint<T extends EndpointConfigShape>(c: T): T & { eventTypes: string[] } {
  const paramMap = { ...defaultParamMap(c.product, c.reportType) };
  for (const [k, v] of Object.entries(c.paramMap)) if (v) paramMap[k] = v;
  const merged = {
    ...c,
    paramMap,
    wabaNumber: c.product === "whatsapp" ? (c.wabaNumber ?? null) : (c.wabaNumber ?? null),
    eventTypes: c.eventTypes?.length ? c.eventTypes : defaultEventTypes(c.product, c.reportType),
  };
  const issues = validateEndpointConfig(merged);
  if (issues.length) throw invalid(issues[0]!.message, issues);
  return merged;
}
