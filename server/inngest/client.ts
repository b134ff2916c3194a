import { Inngest } from "inngest";
import { getEnv } from "@/server/env";

const env = getEnv();

/** Longest wait for one request to Inngest (an event send; the SDK retries a failed one). */
export const INNGEST_REQUEST_TIMEOUT_MS = 5_000;

/** The SDK's requests, each with a timeout: a black-holed Inngest must not hold a caller forever. */
const fetchWithTimeout: typeof fetch = (input, init) =>
  fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(INNGEST_REQUEST_TIMEOUT_MS) });

/** The app's Inngest client. Keys come from server/env.ts; INNGEST_DEV=1 (or a URL) talks to a dev server. */
export const inngest = new Inngest({
  id: "hookline",
  eventKey: env.INNGEST_EVENT_KEY,
  signingKey: env.INNGEST_SIGNING_KEY,
  isDev: env.inngestDev,
  fetch: fetchWithTimeout,
  ...(env.inngestDev && /^https?:\/\//.test(env.INNGEST_DEV ?? "") ? { baseUrl: env.INNGEST_DEV } : {}),
});

/** Asks for one delivery to be attempted (and retried) by the deliver-webhook function. */
export const DELIVERY_REQUESTED = "webhook/delivery.requested";
export type DeliveryRequestedData = { deliveryId: string; endpointId: string };
