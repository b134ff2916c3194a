import { sampleEvent } from "@/server/events/catalog";

/** Example request bodies shown in the document and the curl examples (tests check each against its schema). */
export const requestExamples = {
  createEndpoint: {
    url: "https://example.com/webhooks/hookline",
    description: "Order updates",
    product: "sms",
    reportType: "dlr",
    method: "JSON",
    payloadFormat: "envelope",
  },
  updateEndpoint: { timeoutMs: 10000, rateLimitPerSecond: 50 },
  startReplay: { since: "2026-01-01T00:00:00Z" },
  ingestEvent: { ...sampleEvent("sms.dlr"), idempotencyKey: "dlr-81934341034091431" },
};
