import type { ReadContext } from "@/server/auth/actor";
import { and, eq, gte, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { deliveryAttempts, endpoints } from "@/db/schema";
import type { HealthRange } from "./schemas";

export type { HealthRange };

const RANGES: Record<HealthRange, { ms: number; bucketMs: number }> = {
  "24h": { ms: 24 * 3600_000, bucketMs: 3600_000 },
  "7d": { ms: 7 * 24 * 3600_000, bucketMs: 6 * 3600_000 },
};

export type HealthBucket = {
  start: Date;
  attempts: number;
  succeeded: number;
  failed: number;
  p50Ms: number | null;
  p95Ms: number | null;
};
type HealthSummary = {
  attempts: number;
  succeeded: number;
  failed: number;
  successRate: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
};
type EndpointHealth = { endpointId: string; summary: HealthSummary; buckets: HealthBucket[] };

type Row = {
  endpoint_id: string;
  bucket: number | string;
  attempts: number | string;
  succeeded: number | string;
  p50: number | string | null;
  p95: number | string | null;
};

/**
 * Success rate, p50/p95 latency and attempts over time for the account's endpoints, from
 * delivery attempts (Test Webhook attempts excluded). Buckets are aligned to the range's bucket
 * size so both drivers and every caller see the same boundaries; empty buckets are filled in.
 */
export async function getEndpointHealth(
  { db, actor: { accountId } }: ReadContext,
  input: { range: HealthRange; endpointIds?: string[] },
  now = new Date(),
): Promise<EndpointHealth[]> {
  const { ms, bucketMs } = RANGES[input.range];
  const firstBucket = Math.floor((now.getTime() - ms) / bucketMs) * bucketMs + bucketMs;
  const since = new Date(firstBucket);
  // Inlined (a constant from RANGES, never user input) so SELECT and GROUP BY are the same expression.
  const size = sql.raw(String(bucketMs));
  const bucketExpr = sql<number>`(floor(extract(epoch from ${deliveryAttempts.createdAt}) * 1000 / ${size})::bigint * ${size})`;

  const owned = db
    .select({ id: endpoints.id })
    .from(endpoints)
    .where(
      and(
        eq(endpoints.accountId, accountId),
        input.endpointIds?.length ? inArray(endpoints.id, input.endpointIds) : undefined,
      ),
    );
  const ids = (await owned).map((r) => r.id);
  if (!ids.length) return [];

  const rows = (await db
    .select({
      endpoint_id: deliveryAttempts.endpointId,
      bucket: bucketExpr,
      attempts: sql<number>`count(*)::int`,
      succeeded: sql<number>`count(*) filter (where ${deliveryAttempts.responseStatus} between 200 and 299 and ${deliveryAttempts.errorClass} is null)::int`,
      p50: sql<number | null>`percentile_cont(0.5) within group (order by ${deliveryAttempts.durationMs})`,
      p95: sql<number | null>`percentile_cont(0.95) within group (order by ${deliveryAttempts.durationMs})`,
    })
    .from(deliveryAttempts)
    .where(
      and(
        eq(deliveryAttempts.accountId, accountId),
        inArray(deliveryAttempts.endpointId, ids),
        gte(deliveryAttempts.createdAt, since),
        ne(deliveryAttempts.trigger, "test"),
      ),
    )
    .groupBy(deliveryAttempts.endpointId, bucketExpr)) as Row[];

  const summaries = await summarize(db, accountId, ids, since);
  return ids.map((endpointId) => {
    const mine = new Map(rows.filter((r) => r.endpoint_id === endpointId).map((r) => [Number(r.bucket), r]));
    const buckets: HealthBucket[] = [];
    for (let t = firstBucket; t <= now.getTime(); t += bucketMs) {
      const r = mine.get(t);
      const attempts = Number(r?.attempts ?? 0);
      const succeeded = Number(r?.succeeded ?? 0);
      buckets.push({
        start: new Date(t),
        attempts,
        succeeded,
        failed: attempts - succeeded,
        p50Ms: num(r?.p50),
        p95Ms: num(r?.p95),
      });
    }
    return { endpointId, summary: summaries.get(endpointId) ?? emptySummary(), buckets };
  });
}

async function summarize(db: Db, accountId: string, ids: string[], since: Date) {
  const rows = await db
    .select({
      endpointId: deliveryAttempts.endpointId,
      attempts: sql<number>`count(*)::int`,
      succeeded: sql<number>`count(*) filter (where ${deliveryAttempts.responseStatus} between 200 and 299 and ${deliveryAttempts.errorClass} is null)::int`,
      p50: sql<number | null>`percentile_cont(0.5) within group (order by ${deliveryAttempts.durationMs})`,
      p95: sql<number | null>`percentile_cont(0.95) within group (order by ${deliveryAttempts.durationMs})`,
    })
    .from(deliveryAttempts)
    .where(
      and(
        eq(deliveryAttempts.accountId, accountId),
        inArray(deliveryAttempts.endpointId, ids),
        gte(deliveryAttempts.createdAt, since),
        ne(deliveryAttempts.trigger, "test"),
      ),
    )
    .groupBy(deliveryAttempts.endpointId);
  return new Map(
    rows.map((r) => {
      const attempts = Number(r.attempts);
      const succeeded = Number(r.succeeded);
      return [
        r.endpointId,
        {
          attempts,
          succeeded,
          failed: attempts - succeeded,
          successRate: attempts ? succeeded / attempts : null,
          p50Ms: num(r.p50),
          p95Ms: num(r.p95),
        },
      ];
    }),
  );
}

const emptySummary = (): HealthSummary => ({
  attempts: 0,
  succeeded: 0,
  failed: 0,
  successRate: null,
  p50Ms: null,
  p95Ms: null,
});
const num = (v: number | string | null | undefined) => (v === null || v === undefined ? null : Math.round(Number(v)));
