import type { ReadContext } from "@/server/auth/actor";
import { and, eq } from "drizzle-orm";
import { replays } from "@/db/schema";
import { notFound } from "@/server/errors";
import { loadReplayProgress, type ReplayProgress } from "./load-replay-progress";

/** One replay of the account with its progress. Another account's id is NOT_FOUND. */
export async function getReplayProgress(
  { db, actor: { accountId } }: ReadContext,
  { id }: { id: string },
): Promise<ReplayProgress> {
  const [row] = await db
    .select()
    .from(replays)
    .where(and(eq(replays.id, id), eq(replays.accountId, accountId)));
  if (!row) throw notFound("Replay");
  return loadReplayProgress(db, row);
}
