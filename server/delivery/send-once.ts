import type dns from "node:dns";
import { maskEventData } from "@/server/events/mask-pii";
import { redactRequest } from "./render/redact-request";
import { renderPayload, renderRequest } from "./render/render-request";
import { sendRequest } from "./send/send-request";
import { signRequest } from "./sign/sign-request";
import type { EndpointConfig, HttpRequest, SendOutcome, WebhookEvent } from "./types";

type SendOnceInput = {
  config: EndpointConfig;
  secrets: string[];
  event: WebhookEvent;
  /** The `webhook-id`: the delivery id, the same on every re-send of it. */
  msgId: string;
  allowPrivateNetworks: boolean;
  lookup?: typeof dns.lookup;
  /** Runs after the request is built, right before it goes out (per-endpoint pacing). */
  beforeSend?: () => Promise<void>;
};

/**
 * The one send path, for deliveries and Test Webhook alike: render → sign → send, and the request
 * as it may be stored and shown (custom header values redacted; with `maskPii`, rendered again
 * from masked event data) beside what the server answered. The receiver gets the full values.
 */
export async function sendOnce(input: SendOnceInput): Promise<{ request: HttpRequest; outcome: SendOutcome }> {
  const { config } = input;
  const signed = signRequest(renderRequest(config, input.event), {
    msgId: input.msgId,
    timestamp: new Date(),
    secrets: input.secrets,
  });
  if (input.beforeSend) await input.beforeSend();
  const outcome = await sendRequest(signed, {
    timeoutMs: config.timeoutMs,
    allowPrivateNetworks: input.allowPrivateNetworks,
    lookup: input.lookup,
  });
  return { request: redactRequest(storedCopy(signed, config, input.event), config.customHeaders), outcome };
}

/** With `maskPii`, the payload rendered again from masked data; the headers stay the ones signed. */
function storedCopy(signed: HttpRequest, config: EndpointConfig, event: WebhookEvent): HttpRequest {
  if (!config.maskPii) return signed;
  const masked = maskEventData(event.data);
  if (masked === event.data) return signed;
  return { ...signed, ...renderPayload(config, { ...event, data: masked }) };
}
