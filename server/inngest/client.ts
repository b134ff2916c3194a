import { Inngest } from "inngest";
import { getEnv } from "@/server/env";

const env = getEnv();

/** Longest wait for one request to Inngest (an event send; the SDK retries a failed one). */
const INNGEST_REQUEST_TIMEOUT_MS = 5_000;

/** The SDK's requests, each with a timeout: a black-holed Inngest must not hold a caller forever. */
const fetchWithTimeout: typeof fetch = (input, init) =>
  fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(INNGEST_REQUEST_TIMEOUT_MS) });

/**
 * An Inngest client with the app's settings: keys from server/env.ts, INNGEST_DEV=1 (or a URL)
 * for a dev server, a timeout on every request. `baseUrl` points it elsewhere (tests).
 */
export function createInngestClient({ baseUrl }: { baseUrl?: string } = {}) {
  const devUrl = env.inngestDev && /^https?:\/\//.test(env.INNGEST_DEV ?? "") ? env.INNGEST_DEV : undefined;
  return new Inngest({
    id: "hookline",
    eventKey: env.INNGEST_EVENT_KEY,
    signingKey: env.INNGEST_SIGNING_KEY,
    isDev: env.inngestDev,
    fetch: fetchWithTimeout,
    ...(baseUrl || devUrl ? { baseUrl: baseUrl ?? devUrl } : {}),
  });
}

export type InngestClient = ReturnType<typeof createInngestClient>;

/** The app's Inngest client. */
export const inngest = createInngestClient();

/** Asks for one delivery to be attempted (and retried) by the deliver-webhook function. */
export const DELIVERY_REQUESTED = "webhook/delivery.requested";
export type DeliveryRequestedData = { deliveryId: string; endpointId: string };
