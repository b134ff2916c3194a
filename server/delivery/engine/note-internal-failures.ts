import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import { releaseSuccessors, releaseSuccessorsSql, type Successor } from "@/server/delivery/ordering/release-successors";
import { sanitizeText } from "./sanitize-for-storage";
import { matchesInputId } from "./matches-input-id";

/** Internal errors a delivery may hit before it is failed with the reason shown. */
export const MAX_INTERNAL_FAILURES = 5;
const BACKOFF_SECONDS = 30;

/**
 * An error of ours while attempting a delivery (a changed ENCRYPTION_KEY, a write the database
 * refused): the lease is released and the failure counted in the database, so neither runner
 * loops on it. It is tried again after a growing pause (30 s, 1 min, 2 min…); the
 * MAX_INTERNAL_FAILURES-th time it fails for good with the reason in its log line (and the next
 * delivery of its message, if it has one waiting, goes: its id is returned).
 */
export async function noteInternalFailures(db: Db, items: { id: string; error: unknown }[]): Promise<string[]> {
  if (!items.length) return [];
  const rows = items.map((i) => ({ id: i.id, message: sanitizeText(errorText(i.error)) }));
  const successors = await queryRows<Successor>(
    db,
    sql`with input as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id text, message text)
    ), noted as (
      update deliveries d set
        internal_failures = d.internal_failures + 1,
        status = case when d.internal_failures + 1 >= ${MAX_INTERNAL_FAILURES}::int then 'failed' else d.status end,
        last_error = case when d.internal_failures + 1 >= ${MAX_INTERNAL_FAILURES}::int
          then 'Stopped after ' || ${MAX_INTERNAL_FAILURES}::int || ' internal errors: ' || x.message
          else 'Internal error (will try again): ' || x.message end,
        next_attempt_at = clock_timestamp() + make_interval(secs => ${BACKOFF_SECONDS}::int * power(2, d.internal_failures)),
        lease_expires_at = null, lease_owner = null, rate_slot_at = null, updated_at = clock_timestamp()
      from input x
      where ${matchesInputId("x")} and d.status in ('pending', 'retrying')
      returning d.id, d.status, d.successor_id
    ), ${releaseSuccessorsSql("noted")}
    select id, blocker, released from successors`,
  );
  return releaseSuccessors(db, successors);
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
