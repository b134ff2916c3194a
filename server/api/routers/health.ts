import { getEndpointHealthDetail } from "@/server/health/get-endpoint-health-detail";
import { getHealthDashboard } from "@/server/health/get-health-dashboard";
import { endpointHealthInputSchema, healthDashboardInputSchema } from "@/server/health/schemas";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** Endpoint health: success rate, latency percentiles and attempts over time. */
export const healthRouter = createTRPCRouter({
  endpoint: protectedProcedure.input(endpointHealthInputSchema).query(({ ctx, input }) => getEndpointHealthDetail({ db: ctx.db, accountId: ctx.actor.accountId }, input)),
  dashboard: protectedProcedure.input(healthDashboardInputSchema).query(({ ctx, input }) => getHealthDashboard({ db: ctx.db, accountId: ctx.actor.accountId }, input)),
});
