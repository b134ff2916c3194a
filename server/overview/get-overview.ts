import type { ReadContext } from "@/server/auth/actor";
import { and, asc, eq, gte, inArray, or, sql } from "drizzle-orm";
import { deliveries, endpoints, events } from "@/db/schema";
import { getEndpointHealth, type HealthBucket } from "@/server/health/get-endpoint-health";
import { failureThresholds } from "@/server/health/thresholds";
import { firstIdAt } from "@/server/lib/ids";

const DAY_MS = 24 * 3600_000;
const LIVE = ["pending", "sending", "retrying"] as const;

/**
 * The signed-in home: the last 24 hours at a glance — events and deliveries, the delivery
 * success rate, endpoints failing or disabled (with the reason), the oldest delivery still on its
 * way, and attempts per hour across all endpoints. Every query is the account's own.
 */
export async function getOverview(ctx: ReadContext, now = new Date()) {
  const {
    db,
    actor: { accountId },
  } = ctx;
  const since = new Date(now.getTime() - DAY_MS);
  const thresholds = failureThresholds();

  const [[eventCount], byStatus, attention, [oldest], health] = await Promise.all([
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(events)
      .where(and(eq(events.accountId, accountId), gte(events.createdAt, since))),
    // Ids are time-ordered: the (account_id, id) index bounds the last 24 h.
    db
      .select({ status: deliveries.status, n: sql<number>`count(*)::int` })
      .from(deliveries)
      .where(and(eq(deliveries.accountId, accountId), gte(deliveries.id, firstIdAt("dlv", since))))
      .groupBy(deliveries.status),
    db
      .select({
        id: endpoints.id,
        url: endpoints.url,
        description: endpoints.description,
        status: endpoints.status,
        disabledReason: endpoints.disabledReason,
        disabledAt: endpoints.disabledAt,
        failedInARow: endpoints.consecutiveFailures,
      })
      .from(endpoints)
      .where(
        and(
          eq(endpoints.accountId, accountId),
          or(eq(endpoints.status, "disabled"), gte(endpoints.consecutiveFailures, thresholds.warnAfter)),
        ),
      )
      .orderBy(sql`${endpoints.status} = 'disabled' desc`, asc(endpoints.id)),
    // Through the partial (endpoint_id, next_attempt_at) index of live deliveries.
    db
      .select({
        id: deliveries.id,
        endpointId: deliveries.endpointId,
        status: deliveries.status,
        createdAt: deliveries.createdAt,
        nextAttemptAt: deliveries.nextAttemptAt,
      })
      .from(deliveries)
      .where(
        and(
          inArray(
            deliveries.endpointId,
            db.select({ id: endpoints.id }).from(endpoints).where(eq(endpoints.accountId, accountId)),
          ),
          inArray(deliveries.status, [...LIVE]),
        ),
      )
      .orderBy(asc(deliveries.createdAt))
      .limit(1),
    getEndpointHealth(ctx, { range: "24h" }, now),
  ]);

  const count = (s: string) => byStatus.find((r) => r.status === s)?.n ?? 0;
  const succeeded = count("succeeded");
  const failed = count("failed");
  return {
    since,
    events: eventCount?.n ?? 0,
    deliveries: {
      total: byStatus.reduce((n, r) => n + r.n, 0),
      succeeded,
      failed,
      inFlight: LIVE.reduce((n, s) => n + count(s), 0),
      // Of the deliveries that have finished: a retrying one is not a failure yet.
      successRate: succeeded + failed ? succeeded / (succeeded + failed) : null,
    },
    attention: attention.map((ep) => ({ ...ep, state: ep.status === "disabled" ? "disabled" : "failing" })),
    thresholds,
    oldestPending: oldest ?? null,
    throughput: sumBuckets(health.map((h) => h.buckets)),
  };
}

/** Attempts per hour across endpoints (latency percentiles do not add up, so they are left out). */
function sumBuckets(perEndpoint: HealthBucket[][]): HealthBucket[] {
  const first = perEndpoint[0];
  if (!first) return [];
  return first.map((b, i) => {
    const same = perEndpoint.map((buckets) => buckets[i]!);
    return {
      start: b.start,
      attempts: same.reduce((n, x) => n + x.attempts, 0),
      succeeded: same.reduce((n, x) => n + x.succeeded, 0),
      failed: same.reduce((n, x) => n + x.failed, 0),
      p50Ms: null,
      p95Ms: null,
    };
  });
}

export type Overview = Awaited<ReturnType<typeof getOverview>>;
