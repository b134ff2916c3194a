import { createTRPCRouter } from "../trpc";

/** Events page: list with filters, detail with deliveries, Send sample event. */
export const eventsRouter = createTRPCRouter({});
