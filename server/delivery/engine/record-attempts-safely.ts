import type { Db } from "@/db";
import { noteInternalFailures } from "./note-internal-failures";
import { recordAttempts, type AttemptRecord } from "./record-attempts";

export type RecordResult = {
  /** Ids that could not be recorded (counted as internal failures). */
  unrecorded: string[];
  /** Deliveries that stopped waiting because an earlier one of their message ended. */
  released: string[];
};

/**
 * Records a batch in one statement; if the database refuses it, records row by row so one bad
 * row cannot hold back the others, and counts a row that still fails as an internal failure
 * (lease released, tried again later, failed for good after the bound) instead of leaving it
 * leased to be re-sent at every lease expiry.
 */
export async function recordAttemptsSafely(
  db: Db,
  records: AttemptRecord[],
  disableAfterFailures: number,
): Promise<RecordResult> {
  try {
    return { unrecorded: [], released: await recordAttempts(db, records, disableAfterFailures) };
  } catch (batchError) {
    if (records.length === 1) return noteFailed(db, records, batchError, []);
    const failed: AttemptRecord[] = [];
    const released: string[] = [];
    let lastError: unknown = batchError;
    for (const r of records) {
      try {
        released.push(...(await recordAttempts(db, [r], disableAfterFailures)));
      } catch (err) {
        failed.push(r);
        lastError = err;
      }
    }
    return noteFailed(db, failed, lastError, released);
  }
}

async function noteFailed(db: Db, records: AttemptRecord[], error: unknown, released: string[]): Promise<RecordResult> {
  if (!records.length) return { unrecorded: [], released };
  console.error("[hookline] could not record attempts:", error);
  const ids = records.map((r) => r.delivery.id);
  const more = await noteInternalFailures(
    db,
    ids.map((id) => ({ id, error })),
  ).catch((err) => {
    console.error("[hookline] could not count the internal failure either:", err);
    return [];
  });
  return { unrecorded: ids, released: [...released, ...more] };
}
