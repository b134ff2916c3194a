import { redactRequest } from "@/server/delivery/engine/redact-request";
import { renderRequest } from "@/server/delivery/render/render-request";
import { toCurl } from "@/server/delivery/render/to-curl";
import type { EventType } from "@/server/events/catalog";
import { sampleEvent } from "@/server/events/catalog";
import { normalizeEndpoint } from "./normalize-endpoint";
import { primaryEventType } from "./param-map";
import type { EndpointDraft } from "./schemas";

/** The exact request this configuration sends for a sample event, with placeholder signature headers. */
export function previewRequest(input: EndpointDraft) {
  const c = normalizeEndpoint(input);
  const eventType: EventType = primaryEventType(c.product, c.reportType, c.eventTypes);
  const sample = sampleEvent(eventType);
  const rendered = renderRequest(
    {
      id: "preview",
      url: c.url,
      method: c.method,
      payloadFormat: c.payloadFormat,
      paramMap: c.paramMap,
      customParams: c.customParams,
      customHeaders: c.customHeaders,
      timeoutMs: c.timeoutMs,
    },
    { id: "evt_preview", type: sample.type, data: sample.data, createdAt: new Date("2025-12-31T10:15:33Z") },
  );
  const shown = redactRequest(rendered, c.customHeaders);
  const request = {
    ...shown,
    headers: { ...shown.headers, "webhook-id": "msg_…", "webhook-timestamp": "…", "webhook-signature": "v1,…" },
  };
  return { eventType, request, curl: toCurl(request) };
}
