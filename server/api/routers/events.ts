import { z } from "zod";
import { getEvent } from "@/server/events/get-event";
import { listEvents } from "@/server/events/list-events";
import { eventIdSchema, listEventsSchema } from "@/server/events/list-events-schema";
import { sendSampleEvent } from "@/server/events/send-sample-event";
import { sendSampleEventOptions } from "@/server/events/send-sample-event-options";
import { sendSampleEventSchema } from "@/server/events/send-sample-event-schema";
import { createTRPCRouter, protectedProcedure, writeLimit } from "../trpc";

/** Events page: list with filters, detail with deliveries, Send sample event. */
export const eventsRouter = createTRPCRouter({
  list: protectedProcedure.input(listEventsSchema).query(({ ctx, input }) => listEvents(ctx, input)),
  get: protectedProcedure.input(z.object({ id: eventIdSchema })).query(({ ctx, input }) => getEvent(ctx, input)),
  sampleOptions: protectedProcedure.query(({ ctx }) => sendSampleEventOptions(ctx)),
  sendSample: protectedProcedure
    .use(writeLimit("sendSampleEvent"))
    .input(sendSampleEventSchema)
    .mutation(async ({ ctx, input }) => sendSampleEvent(ctx, input)),
});
