import type { ReadContext } from "@/server/auth/actor";
import { and, eq } from "drizzle-orm";
import { endpoints } from "@/db/schema";
import { loadThrottleView } from "@/server/delivery/throttle/load-throttle-view";
import { notFound } from "@/server/errors";
import { getEndpointHealth, type HealthRange } from "./get-endpoint-health";
import { getFailureStreaks } from "./get-failure-streaks";
import { failureThresholds } from "./thresholds";

/**
 * One endpoint's health for its detail page: charts, summary, failure streak, thresholds, and
 * how fast the engine sends to it now (adaptive throttling).
 */
export async function getEndpointHealthDetail(
  ctx: ReadContext,
  input: { endpointId: string; range: HealthRange },
  now = new Date(),
) {
  const {
    db,
    actor: { accountId },
  } = ctx;
  const [health] = await getEndpointHealth(ctx, { range: input.range, endpointIds: [input.endpointId] }, now);
  if (!health) throw notFound("Endpoint");
  const streak = (await getFailureStreaks(db, accountId, [input.endpointId])).get(input.endpointId);
  const [endpoint] = await db
    .select({
      id: endpoints.id,
      adaptiveThrottle: endpoints.adaptiveThrottle,
      rateLimitPerSecond: endpoints.rateLimitPerSecond,
    })
    .from(endpoints)
    .where(and(eq(endpoints.id, input.endpointId), eq(endpoints.accountId, accountId)));
  if (!endpoint) throw notFound("Endpoint");
  return {
    ...health,
    range: input.range,
    failedInARow: streak?.failedInARow ?? 0,
    lastAttemptAt: streak?.lastAttemptAt ?? null,
    lastSuccessAt: streak?.lastSuccessAt ?? null,
    thresholds: failureThresholds(),
    throttle: await loadThrottleView(db, endpoint),
  };
}

export type EndpointHealthDetail = Awaited<ReturnType<typeof getEndpointHealthDetail>>;
