import type { EventType } from "@/server/events/catalog";
import { defaultEventTypes, defaultParamMap, type EndpointInput } from "./contract";

/** A new SMS DLR endpoint with the standard parameter names filled in. */
export function newEndpointDefaults(): EndpointInput {
  return {
    product: "sms",
    reportType: "dlr",
    method: "POST",
    payloadFormat: "mapped",
    url: "",
    description: "",
    wabaNumber: null,
    eventTypes: [...defaultEventTypes("sms", "dlr")],
    paramMap: defaultParamMap("sms", "dlr"),
    customParams: [],
    customHeaders: [],
    rateLimitPerSecond: null,
    timeoutMs: 5000,
    orderedDelivery: true,
    latestStatusOnly: false,
    adaptiveThrottle: true,
  };
}

type StoredEndpoint = {
  product: string;
  reportType: string;
  method: EndpointInput["method"];
  payloadFormat: EndpointInput["payloadFormat"];
  url: string;
  description?: string | null;
  wabaNumber?: string | null;
  eventTypes?: string[] | null;
  paramMap?: Record<string, string> | null;
  customParams?: { key: string; value: string }[] | null;
  customHeaders?: { name: string; value: string }[] | null;
  rateLimitPerSecond?: number | null;
  timeoutMs?: number | null;
  orderedDelivery?: boolean;
  latestStatusOnly?: boolean;
  adaptiveThrottle?: boolean;
};

/** Form values for a saved endpoint (custom header values arrive masked and stay so unless edited). */
export function endpointToFormValues(ep: StoredEndpoint): EndpointInput {
  const product = ep.product === "whatsapp" ? "whatsapp" : "sms";
  const reportType = ep.reportType === "mo" ? "mo" : "dlr";
  return {
    product,
    reportType,
    method: ep.method,
    payloadFormat: ep.payloadFormat,
    url: ep.url,
    description: ep.description ?? "",
    wabaNumber: ep.wabaNumber ?? null,
    eventTypes: [...((ep.eventTypes as EventType[] | null | undefined) ?? defaultEventTypes(product, reportType))],
    paramMap: { ...defaultParamMap(product, reportType), ...(ep.paramMap ?? {}) },
    customParams: (ep.customParams ?? []).map((p) => ({ ...p })),
    customHeaders: (ep.customHeaders ?? []).map((h) => ({ ...h })),
    rateLimitPerSecond: ep.rateLimitPerSecond ?? null,
    timeoutMs: ep.timeoutMs ?? 5000,
    orderedDelivery: ep.orderedDelivery ?? reportType === "dlr",
    latestStatusOnly: ep.latestStatusOnly ?? false,
    adaptiveThrottle: ep.adaptiveThrottle ?? true,
  };
}
