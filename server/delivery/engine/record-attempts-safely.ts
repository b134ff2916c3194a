import type { Db } from "@/db";
import { noteInternalFailures } from "./note-internal-failures";
import { recordAttempts, type AttemptRecord } from "./record-attempts";

/**
 * Records a batch in one statement; if the database refuses it, records row by row so one bad
 * row cannot hold back the others, and counts a row that still fails as an internal failure
 * (lease released, tried again later, failed for good after the bound) instead of leaving it
 * leased to be re-sent at every lease expiry. Returns the ids that could not be recorded.
 */
export async function recordAttemptsSafely(
  db: Db,
  records: AttemptRecord[],
  disableAfterFailures: number,
): Promise<string[]> {
  try {
    await recordAttempts(db, records, disableAfterFailures);
    return [];
  } catch (batchError) {
    if (records.length === 1) return noteFailed(db, records, batchError);
    const failed: AttemptRecord[] = [];
    let lastError: unknown = batchError;
    for (const r of records) {
      try {
        await recordAttempts(db, [r], disableAfterFailures);
      } catch (err) {
        failed.push(r);
        lastError = err;
      }
    }
    return noteFailed(db, failed, lastError);
  }
}

async function noteFailed(db: Db, records: AttemptRecord[], error: unknown): Promise<string[]> {
  if (!records.length) return [];
  console.error("[hookline] could not record attempts:", error);
  const ids = records.map((r) => r.delivery.id);
  await noteInternalFailures(
    db,
    ids.map((id) => ({ id, error })),
  ).catch((err) => console.error("[hookline] could not count the internal failure either:", err));
  return ids;
}
