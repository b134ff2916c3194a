import type { ReadContext } from "@/server/auth/actor";
import { desc, eq } from "drizzle-orm";
import { endpoints } from "@/db/schema";
import { getEndpointHealth, type HealthRange } from "./get-endpoint-health";
import { getFailureStreaks } from "./get-failure-streaks";
import { failureThresholds } from "./thresholds";

/**
 * Every endpoint of the account with its health over the range, failure streak and status,
 * plus account-wide totals. Endpoints that need attention (disabled, or failing in a row past
 * the warning threshold) come first.
 */
export async function getHealthDashboard(ctx: ReadContext, input: { range: HealthRange }, now = new Date()) {
  const {
    db,
    actor: { accountId },
  } = ctx;
  const rows = await db
    .select({
      id: endpoints.id,
      url: endpoints.url,
      description: endpoints.description,
      product: endpoints.product,
      status: endpoints.status,
      disabledReason: endpoints.disabledReason,
      consecutiveFailures: endpoints.consecutiveFailures,
    })
    .from(endpoints)
    .where(eq(endpoints.accountId, accountId))
    .orderBy(desc(endpoints.createdAt), desc(endpoints.id));
  const ids = rows.map((r) => r.id);
  const [health, streaks] = await Promise.all([
    getEndpointHealth(ctx, { range: input.range, endpointIds: ids }, now),
    getFailureStreaks(db, accountId, ids),
  ]);
  const byId = new Map(health.map((h) => [h.endpointId, h]));
  const thresholds = failureThresholds();

  const items = rows.map((ep) => {
    const h = byId.get(ep.id)!;
    const streak = streaks.get(ep.id);
    const failedInARow = streak?.failedInARow ?? 0;
    const attention = ep.status === "disabled" ? "disabled" : failedInARow >= thresholds.warnAfter ? "failing" : null;
    return {
      endpoint: ep,
      summary: h.summary,
      buckets: h.buckets,
      failedInARow,
      lastAttemptAt: streak?.lastAttemptAt ?? null,
      attention,
    };
  });
  items.sort((a, b) => rank(a.attention) - rank(b.attention));

  const attempts = items.reduce((n, i) => n + i.summary.attempts, 0);
  const succeeded = items.reduce((n, i) => n + i.summary.succeeded, 0);
  return {
    range: input.range,
    thresholds,
    totals: {
      endpoints: items.length,
      attempts,
      succeeded,
      failed: attempts - succeeded,
      successRate: attempts ? succeeded / attempts : null,
      needAttention: items.filter((i) => i.attention).length,
    },
    items,
  };
}

const rank = (a: string | null) => (a === "disabled" ? 0 : a === "failing" ? 1 : 2);

export type HealthDashboard = Awaited<ReturnType<typeof getHealthDashboard>>;
