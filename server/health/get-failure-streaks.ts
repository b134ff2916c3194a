import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Db } from "@/db";

type FailureStreak = {
  endpointId: string;
  failedInARow: number;
  lastAttemptAt: Date | null;
  lastSuccessAt: Date | null;
};

/**
 * Per endpoint: how many delivery attempts failed since the last successful one (Test Webhook
 * attempts excluded), and when it was last tried and last succeeded. Walks the
 * (endpoint_id, created_at) index backwards from the newest attempt, so a healthy endpoint costs
 * one index probe.
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
      select e.id as endpoint_id, s.last_success_at,
        (select max(a.created_at) from delivery_attempts a where a.endpoint_id = e.id and a.trigger <> 'test') as last_attempt_at,
        (select count(*) from delivery_attempts a
          where a.endpoint_id = e.id and a.trigger <> 'test'
            and a.created_at > coalesce(s.last_success_at, '-infinity'::timestamptz)) as failed_in_a_row
      from endpoints e
      left join lateral (
        select max(a.created_at) as last_success_at from delivery_attempts a
        where a.endpoint_id = e.id and a.trigger <> 'test' and a.error_class is null and a.response_status between 200 and 299
      ) s on true
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
