import type { RunnerContext } from "@/server/auth/actor";
import { and, count, eq, sql } from "drizzle-orm";
import { queryRows, type Db, type DbOrTx } from "@/db";
import { deliveries, endpoints, replays } from "@/db/schema";
import { conflict, notFound } from "@/server/errors";
import { handOff } from "@/server/delivery/hand-off";
import { newId } from "@/server/lib/ids";
import { loadReplayProgress, type ReplayProgress } from "./load-replay-progress";
import { countMissedEvents, findMissedEvents } from "./find-missed-events";
import { replayableWhere } from "./replayable-where";
import { defaultReplaySince, REPLAY_LIMIT, startReplaySchema, type StartReplayInput } from "@/server/delivery/schemas";

type StartReplayResult = {
  replay: ReplayProgress;
  /** false when a replay of this endpoint was already running: that one is returned, nothing new is queued. */
  started: boolean;
};

/**
 * Replay after an outage, bounded and in the background: the endpoint's failed deliveries
 * created since `since` (default 24 h ago), oldest first, at most `limit` of them, become due now
 * as manual attempts and carry the new replay's id, so its progress is a count of them by status.
 * With `includeMissed`, the events it never got (they arrived while it was disabled) get new
 * deliveries in the same replay, within the same bound. `replay.remaining` says how many eligible
 * ones were left for a later replay.
 *
 * Idempotent: while a replay of the endpoint runs, starting another returns it (a partial unique
 * index makes this hold between concurrent requests too), and a delivery is re-queued only from
 * `failed` (row-locked, SKIP LOCKED), so none is sent twice. The endpoint must be active.
 */
export async function startReplay(
  { db, actor: { accountId }, runner, limit = REPLAY_LIMIT }: RunnerContext & { limit?: number },
  input: StartReplayInput,
): Promise<StartReplayResult> {
  const parsed = startReplaySchema.parse(input);
  const endpointId = parsed.endpointId;
  const since = parsed.since ?? defaultReplaySince();
  const [endpoint] = await db
    .select({ status: endpoints.status })
    .from(endpoints)
    .where(and(eq(endpoints.id, endpointId), eq(endpoints.accountId, accountId)));
  if (!endpoint) throw notFound("Endpoint");
  if (endpoint.status !== "active")
    throw conflict(
      `The endpoint is ${endpoint.status}: ${endpoint.status === "paused" ? "resume" : "enable"} it first, then replay.`,
    );

  const running = await findRunning(db, accountId, endpointId);
  if (running) return { replay: running, started: false };

  const id = newId("rpl");
  const queued = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(replays)
      .values({ id, accountId, endpointId, since })
      .onConflictDoNothing({ target: replays.endpointId, where: sql`${replays.status} = 'running'` })
      .returning({ id: replays.id });
    if (!created) return null; // another request started one a moment ago

    // A CTE, run once: as an IN (subquery) the planner may re-run the locking subquery per row,
    // and each run would skip the rows this statement already changed and take the next ones.
    const now = new Date().toISOString(); // raw SQL: postgres.js takes no Date parameters here
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`with picked as materialized (
            select ${deliveries.id} from ${deliveries}
            where ${replayableWhere(accountId, endpointId, since, parsed)}
            order by ${deliveries.id}
            limit ${limit}
            for update skip locked
          )
          update ${deliveries} set status = 'pending', replay_id = ${id}, next_attempt_at = ${now}::timestamptz, next_trigger = 'manual',
            rate_slot_at = null, lease_expires_at = null, lease_owner = null, enqueued_at = null, updated_at = ${now}::timestamptz,
            ordering_key = null, successor_id = null, superseded_by = null
          from picked where ${deliveries.id} = picked.id and ${deliveries.status} in ('failed', 'superseded')
          returning ${deliveries.id}`,
    );
    const ids = rows.map((r) => r.id);
    if (parsed.includeMissed)
      ids.push(
        ...(await deliverMissedEvents(tx, { accountId, endpointId, since, replayId: id, limit: limit - ids.length })),
      );
    const [{ n: failedLeft }] = (await tx
      .select({ n: count() })
      .from(deliveries)
      .where(replayableWhere(accountId, endpointId, since, parsed))) as [{ n: number }];
    const missedLeft = parsed.includeMissed ? await countMissedEvents(tx, accountId, endpointId, since) : 0;
    await tx
      .update(replays)
      .set({ total: ids.length, remaining: failedLeft + missedLeft })
      .where(eq(replays.id, id));
    return ids;
  });
  if (queued === null) {
    const other = await findRunning(db, accountId, endpointId);
    if (other) return { replay: other, started: false };
    throw conflict("Another replay of this endpoint just finished; try again.");
  }

  // Committed as due now: a failed hand-off leaves them to the runner's polling or the sweep.
  await handOff(
    runner,
    queued.map((deliveryId) => ({ id: deliveryId, endpointId, dedupeKey: `${deliveryId}-replay-${id}` })),
    "replay",
  );
  const [row] = await db.select().from(replays).where(eq(replays.id, id));
  return { replay: await loadReplayProgress(db, row!), started: true };
}

/** The endpoint's running replay, if it still has deliveries on their way (else it is marked finished). */
async function findRunning(db: Db, accountId: string, endpointId: string): Promise<ReplayProgress | null> {
  const [row] = await db
    .select()
    .from(replays)
    .where(and(eq(replays.endpointId, endpointId), eq(replays.accountId, accountId), eq(replays.status, "running")));
  if (!row) return null;
  const progress = await loadReplayProgress(db, row);
  return progress.status === "running" ? progress : null;
}

/** New deliveries, due now as manual attempts, for the oldest `limit` events the endpoint missed. */
async function deliverMissedEvents(
  tx: DbOrTx,
  {
    accountId,
    endpointId,
    since,
    replayId,
    limit,
  }: { accountId: string; endpointId: string; since: Date; replayId: string; limit: number },
): Promise<string[]> {
  const eventIds = await findMissedEvents(tx, accountId, endpointId, since, limit);
  if (!eventIds.length) return [];
  const now = new Date();
  const rows = eventIds.map((eventId) => ({
    id: newId("dlv"),
    accountId,
    eventId,
    endpointId,
    replayId,
    nextAttemptAt: now,
    nextTrigger: "manual" as const,
    createdAt: now,
    updatedAt: now,
  }));
  await tx.insert(deliveries).values(rows);
  return rows.map((r) => r.id);
}
