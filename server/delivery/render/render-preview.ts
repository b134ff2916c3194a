import { toEndpointConfig, type EndpointConfigSource } from "@/server/delivery/endpoint-config";
import type { HttpRequest } from "@/server/delivery/types";
import { isEventType, sampleEvent } from "@/server/events/catalog";
import { renderRequest } from "./render-request";

export const PREVIEW_PLACEHOLDER_URL = "https://your-server.example.com/webhook";

// Fixed, so a server render and a browser render agree (no hydration mismatch).
const SAMPLE_ID = "evt_01jsample0000000000000000";
const SAMPLE_TIME = new Date("2025-12-31T10:15:33.000Z");

/**
 * The one request preview (pure, runs in the browser too): the exact unsigned request a
 * configuration sends for an event type's catalog sample, with the endpoint's WABA number.
 */
export function renderPreview(
  config: EndpointConfigSource & { wabaNumber?: string | null },
  eventType: string,
): HttpRequest {
  const endpoint = toEndpointConfig({ ...config, url: config.url?.trim() || PREVIEW_PLACEHOLDER_URL });
  const data = isEventType(eventType) ? sampleEvent(eventType, { wabaNumber: config.wabaNumber }).data : {};
  return renderRequest(endpoint, { id: SAMPLE_ID, type: eventType, data, createdAt: SAMPLE_TIME });
}
