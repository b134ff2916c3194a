import { and, count, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { deliveries, replays, type ReplayRow } from "@/db/schema";

export type ReplayProgress = {
  id: string;
  endpointId: string;
  since: Date;
  status: "running" | "finished";
  /** Deliveries this replay re-queued. */
  total: number;
  /** Eligible failed deliveries left out by the replay limit when it started. */
  remaining: number;
  succeeded: number;
  failed: number;
  /** Still on their way: pending, sending or retrying. */
  inProgress: number;
  /** succeeded + failed */
  done: number;
  createdAt: Date;
  finishedAt: Date | null;
};

/**
 * A replay with its progress: while running, the live counts of its deliveries by status; once
 * none is on its way any more it is marked finished and the final counts are stored (a later
 * replay may re-queue some of these deliveries, which must not change this one's history).
 * The caller has checked the row belongs to the account.
 */
export async function loadReplayProgress(db: DbOrTx, row: ReplayRow): Promise<ReplayProgress> {
  const base = {
    id: row.id,
    endpointId: row.endpointId,
    since: row.since,
    total: row.total,
    remaining: row.remaining,
    createdAt: row.createdAt,
  };
  if (row.status === "finished") {
    const succeeded = row.succeeded ?? 0;
    const failed = row.failed ?? 0;
    return {
      ...base,
      status: "finished",
      succeeded,
      failed,
      inProgress: 0,
      done: succeeded + failed,
      finishedAt: row.finishedAt,
    };
  }

  const counts = await db
    .select({ status: deliveries.status, n: count() })
    .from(deliveries)
    .where(and(eq(deliveries.replayId, row.id), eq(deliveries.accountId, row.accountId)))
    .groupBy(deliveries.status);
  const by = (s: string) => counts.find((c) => c.status === s)?.n ?? 0;
  const succeeded = by("succeeded");
  const failed = by("failed");
  const inProgress = by("pending") + by("sending") + by("retrying");
  if (inProgress > 0)
    return { ...base, status: "running", succeeded, failed, inProgress, done: succeeded + failed, finishedAt: null };

  const [finished] = await db
    .update(replays)
    .set({ status: "finished", succeeded, failed, finishedAt: new Date() })
    .where(and(eq(replays.id, row.id), eq(replays.status, "running")))
    .returning();
  const finishedAt = finished?.finishedAt ?? new Date();
  return { ...base, status: "finished", succeeded, failed, inProgress: 0, done: succeeded + failed, finishedAt };
}
