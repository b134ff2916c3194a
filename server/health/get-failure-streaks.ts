import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Db } from "@/db";

type FailureStreak = {
  endpointId: string;
  /** Failed deliveries in a row (`endpoints.consecutive_failures`): the one failure count shown everywhere. */
  failedInARow: number;
  lastAttemptAt: Date | null;
  lastSuccessAt: Date | null;
};

/**
 * Per endpoint: its failed deliveries in a row — the same counter that disables it at
 * WEBHOOK_DISABLE_AFTER_FAILURES, so the warning, the table, the banner and the disable rule all
 * speak of one number in one unit — and when it was last tried and last succeeded (Test Webhook
 * attempts excluded; each a probe of the (endpoint_id, created_at) index).
 */
export async function getFailureStreaks(
  db: Db,
  accountId: string,
  endpointIds: string[],
): Promise<Map<string, FailureStreak>> {
  if (!endpointIds.length) return new Map();
  const ids = sql.join(
    endpointIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = await queryRows<{
    endpoint_id: string;
    failed_in_a_row: number | string;
    last_attempt_at: string | Date | null;
    last_success_at: string | Date | null;
  }>(
    db,
    sql`
      select e.id as endpoint_id, e.consecutive_failures as failed_in_a_row,
        (select max(a.created_at) from delivery_attempts a where a.endpoint_id = e.id and a.trigger <> 'test') as last_attempt_at,
        (select max(a.created_at) from delivery_attempts a
          where a.endpoint_id = e.id and a.trigger <> 'test' and a.error_class is null
            and a.response_status between 200 and 299) as last_success_at
      from endpoints e
      where e.account_id = ${accountId} and e.id in (${ids})`,
  );
  return new Map(
    rows.map((r) => [
      r.endpoint_id,
      {
        endpointId: r.endpoint_id,
        failedInARow: Number(r.failed_in_a_row),
        lastAttemptAt: toDate(r.last_attempt_at),
        lastSuccessAt: toDate(r.last_success_at),
      },
    ]),
  );
}

const toDate = (v: string | Date | null) => (v === null ? null : new Date(v));
