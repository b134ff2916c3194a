import { redactRequest } from "@/server/delivery/render/redact-request";
import { renderPreview } from "@/server/delivery/render/render-preview";
import { toCurl } from "@/server/delivery/render/to-curl";
import { normalizeEndpoint } from "./normalize-endpoint";
import { primaryEventType } from "./param-map";
import type { EndpointDraft } from "./schemas";

/** The exact request this configuration sends for a sample event, with placeholder signature headers. */
export function previewRequest(input: EndpointDraft) {
  const c = normalizeEndpoint(input);
  const eventType = primaryEventType(c.product, c.reportType, c.eventTypes);
  const shown = redactRequest(renderPreview(c, eventType), c.customHeaders);
  const request = {
    ...shown,
    headers: { ...shown.headers, "webhook-id": "msg_…", "webhook-timestamp": "…", "webhook-signature": "v1,…" },
  };
  return { eventType, request, curl: toCurl(request) };
}
