import { getEndpointFailureStreak } from "@/server/health/get-endpoint-failure-streak";
import { getEndpointHealthDetail } from "@/server/health/get-endpoint-health-detail";
import { getHealthDashboard } from "@/server/health/get-health-dashboard";
import {
  endpointHealthInputSchema,
  endpointStreakInputSchema,
  healthDashboardInputSchema,
} from "@/server/health/schemas";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** Endpoint health: success rate, latency percentiles and attempts over time. */
export const healthRouter = createTRPCRouter({
  endpoint: protectedProcedure
    .input(endpointHealthInputSchema)
    .query(({ ctx, input }) => getEndpointHealthDetail(ctx, input)),
  streak: protectedProcedure
    .input(endpointStreakInputSchema)
    .query(({ ctx, input }) => getEndpointFailureStreak(ctx, input)),
  dashboard: protectedProcedure
    .input(healthDashboardInputSchema)
    .query(({ ctx, input }) => getHealthDashboard(ctx, input)),
});
