import type { ReadContext } from "@/server/auth/actor";
import { and, count, eq } from "drizzle-orm";
import { deliveries, endpoints, replays } from "@/db/schema";
import { notFound } from "@/server/errors";
import { loadReplayProgress, type ReplayProgress } from "./load-replay-progress";
import { countMissedEvents } from "./find-missed-events";
import { replayableWhere } from "./replayable-where";
import { defaultReplaySince, REPLAY_LIMIT, startReplaySchema, type StartReplayInput } from "@/server/delivery/schemas";

type ReplayPreview = {
  since: Date;
  /** Failed deliveries of the endpoint created since then (and superseded ones, when included). */
  count: number;
  /** Events since then it never got a delivery for (they arrived while it was disabled). */
  missed: number;
  /** How many one replay would take now (at most the limit). */
  willReplay: number;
  limit: number;
  endpointStatus: "active" | "paused" | "disabled";
  /** The replay already running for this endpoint, if any (starting another returns it). */
  running: ReplayProgress | null;
};

/** What "Replay failed deliveries since …" would do, without doing it. */
export async function countReplayableDeliveries(
  { db, actor: { accountId }, limit = REPLAY_LIMIT }: ReadContext & { limit?: number },
  input: StartReplayInput,
): Promise<ReplayPreview> {
  const parsed = startReplaySchema.parse(input);
  const since = parsed.since ?? defaultReplaySince();
  const [endpoint] = await db
    .select({ status: endpoints.status })
    .from(endpoints)
    .where(and(eq(endpoints.id, parsed.endpointId), eq(endpoints.accountId, accountId)));
  if (!endpoint) throw notFound("Endpoint");

  const [{ n }] = (await db
    .select({ n: count() })
    .from(deliveries)
    .where(replayableWhere(accountId, parsed.endpointId, since, parsed))) as [{ n: number }];
  const missed = await countMissedEvents(db, accountId, parsed.endpointId, since);
  const total = n + (parsed.includeMissed ? missed : 0);
  const [runningRow] = await db
    .select()
    .from(replays)
    .where(
      and(eq(replays.endpointId, parsed.endpointId), eq(replays.accountId, accountId), eq(replays.status, "running")),
    );
  const running = runningRow ? await loadReplayProgress(db, runningRow) : null;
  return {
    since,
    count: n,
    missed,
    willReplay: Math.min(total, limit),
    limit,
    endpointStatus: endpoint.status,
    running: running?.status === "running" ? running : null,
  };
}
