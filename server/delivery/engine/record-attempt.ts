import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import type { RecordedRequest } from "@/db/schema";
import type { Decision } from "@/server/delivery/policy/decide-next";
import { describeOutcome } from "@/server/delivery/send/describe-outcome";
import type { SendOutcome } from "@/server/delivery/types";
import { newId } from "@/server/lib/ids";

type AttemptRecord = {
  delivery: { id: string; accountId: string; endpointId: string };
  /** The endpoint's failure streak as loaded; lets a success skip a needless write. */
  consecutiveFailures: number;
  attemptNumber: number;
  trigger: "scheduled" | "manual";
  request: RecordedRequest;
  outcome: SendOutcome;
  decision: Decision;
  disableAfterFailures: number;
  at: Date;
};

/**
 * Writes the attempt, the delivery's new state and the endpoint's failure streak atomically —
 * one statement with data-modifying CTEs, so the log, the delivery list and the endpoint status
 * never disagree, at the cost of a single round trip per attempt.
 *
 * The streak counts failed deliveries (schedule exhausted, or 410), not failed attempts: an
 * endpoint that recovers within a delivery's retries took every event and stays enabled. A manual
 * retry that fails again does not add to it — that delivery was already counted once.
 */
export async function recordAttempt(db: Db, r: AttemptRecord) {
  const { delivery, decision, outcome } = r;
  // Timestamps bound as text: postgres.js does not serialise a Date inside a raw fragment.
  const at = sql`${r.at.toISOString()}::timestamptz`;
  const status = decision.kind === "retry" ? "retrying" : decision.kind;
  const nextAttemptAt = decision.kind === "retry" ? sql`${decision.at.toISOString()}::timestamptz` : at;
  const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

  await db.execute(sql`with attempt as (
      insert into delivery_attempts (id, account_id, endpoint_id, delivery_id, attempt_number, trigger, request,
        response_status, response_headers, response_body, duration_ms, error_class, error_message, created_at)
      values (${newId("att")}, ${delivery.accountId}, ${delivery.endpointId}, ${delivery.id}, ${r.attemptNumber}, ${r.trigger},
        ${json(r.request)}, ${outcome.status}, ${json(outcome.headers)}, ${outcome.body}, ${outcome.durationMs},
        ${outcome.errorClass}, ${outcome.errorMessage}, ${at})
    ), delivery as (
      update deliveries set status = ${status}, attempts = ${r.attemptNumber}, next_attempt_at = ${nextAttemptAt},
        lease_expires_at = null, rate_slot_at = null, next_trigger = 'scheduled', resume_at = null,
        manual_attempts = manual_attempts + ${r.trigger === "manual" ? 1 : 0}, last_status_code = ${outcome.status},
        last_error = ${outcome.ok ? null : describeOutcome(outcome)}, delivered_at = ${decision.kind === "succeeded" ? at : null},
        updated_at = ${at}
      where id = ${delivery.id}
    )${endpointUpdate(r, at)}
    select 1`);
}

function endpointUpdate(r: AttemptRecord, at: SQL): SQL {
  const { decision } = r;
  const id = r.delivery.endpointId;
  if (decision.kind === "succeeded") {
    if (r.consecutiveFailures === 0) return sql``;
    return sql`, endpoint as (update endpoints set consecutive_failures = 0 where id = ${id})`;
  }
  if (decision.kind !== "failed") return sql``;
  if (decision.disableEndpoint) {
    return sql`, endpoint as (update endpoints set consecutive_failures = consecutive_failures + 1, status = 'disabled',
      disabled_reason = ${decision.disableEndpoint}, disabled_at = ${at} where id = ${id})`;
  }
  if (r.trigger !== "scheduled") return sql``;
  const n = r.disableAfterFailures;
  const reached = sql`consecutive_failures + 1 >= ${n} and status = 'active'`;
  return sql`, endpoint as (update endpoints set consecutive_failures = consecutive_failures + 1,
      status = case when ${reached} then 'disabled' else status end,
      disabled_reason = case when ${reached} then ${`Disabled after ${n} consecutive failed deliveries`} else disabled_reason end,
      disabled_at = case when ${reached} then ${at} else disabled_at end
    where id = ${id})`;
}
