import { Inngest } from "inngest";
import { getEnv } from "@/server/env";

const env = getEnv();
const dev = env.INNGEST_DEV !== undefined && !["0", "false"].includes(env.INNGEST_DEV);

/** The app's Inngest client. Keys come from server/env.ts; INNGEST_DEV=1 (or a URL) talks to a dev server. */
export const inngest = new Inngest({
  id: "hookline",
  eventKey: env.INNGEST_EVENT_KEY,
  signingKey: env.INNGEST_SIGNING_KEY,
  isDev: dev,
  ...(dev && /^https?:\/\//.test(env.INNGEST_DEV ?? "") ? { baseUrl: env.INNGEST_DEV } : {}),
});

/** Asks for one delivery to be attempted (and retried) by the deliver-webhook function. */
export const DELIVERY_REQUESTED = "webhook/delivery.requested";
export type DeliveryRequestedData = { deliveryId: string; endpointId: string };
