import type { ReadContext } from "@/server/auth/actor";
import { and, desc, eq } from "drizzle-orm";
import { replays } from "@/db/schema";
import { loadReplayProgress, type ReplayProgress } from "./load-replay-progress";
import { listReplaysSchema } from "@/server/delivery/schemas";

/** The endpoint's recent replays, newest first, each with its progress (another account's endpoint: none). */
export async function listReplays(
  { db, actor: { accountId } }: ReadContext,
  input: { endpointId: string; limit?: number },
): Promise<ReplayProgress[]> {
  const { endpointId, limit } = listReplaysSchema.parse(input);
  const rows = await db
    .select()
    .from(replays)
    .where(and(eq(replays.endpointId, endpointId), eq(replays.accountId, accountId)))
    .orderBy(desc(replays.id))
    .limit(limit);
  const out: ReplayProgress[] = [];
  for (const row of rows) out.push(await loadReplayProgress(db, row));
  return out;
}
