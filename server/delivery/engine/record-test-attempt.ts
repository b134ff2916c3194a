import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import type { RecordedRequest } from "@/db/schema";
import type { SendOutcome } from "@/server/delivery/types";
import { newId } from "@/server/lib/ids";

/**
 * A Test Webhook send to a saved endpoint, kept in its log (trigger "test", no delivery). Written
 * only while the endpoint exists: the attempts table has no foreign keys.
 */
export async function recordTestAttempt(
  db: DbOrTx,
  r: { accountId: string; endpointId: string; request: RecordedRequest; outcome: SendOutcome },
) {
  const { outcome } = r;
  await db.execute(sql`insert into delivery_attempts (id, account_id, endpoint_id, delivery_id, attempt_number,
      trigger, request, response_status, response_headers, response_body, duration_ms, error_class, error_message)
    select ${newId("att")}, ${r.accountId}, ${r.endpointId}, null, 1, 'test', ${JSON.stringify(r.request)}::jsonb,
      ${outcome.status}::int, ${outcome.headers ? JSON.stringify(outcome.headers) : null}::jsonb, ${outcome.body},
      ${outcome.durationMs}::int, ${outcome.errorClass}, ${outcome.errorMessage}
    where exists (select 1 from endpoints where id = ${r.endpointId} and account_id = ${r.accountId})`);
}
