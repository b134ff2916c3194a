import { createTRPCRouter } from "../trpc";

/** Endpoint health: success rate, latency percentiles and attempts over time. */
export const healthRouter = createTRPCRouter({});
