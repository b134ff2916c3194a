import { z } from "zod";

export const HEALTH_RANGES = ["24h", "7d"] as const;

const healthRangeSchema = z.enum(HEALTH_RANGES, { error: "range must be 24h or 7d" });

const endpointId = z.string().trim().min(1).max(64);

export const endpointHealthInputSchema = z.object({ endpointId, range: healthRangeSchema.default("24h") });
export const endpointStreakInputSchema = z.object({ endpointId });
export const healthDashboardInputSchema = z.object({ range: healthRangeSchema.default("24h") });

export type HealthRange = (typeof HEALTH_RANGES)[number];
