import { getOverview } from "@/server/overview/get-overview";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** The signed-in home: the last 24 hours at a glance. */
export const overviewRouter = createTRPCRouter({
  get: protectedProcedure.query(({ ctx }) => getOverview(ctx)),
});
