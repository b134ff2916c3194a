import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import { releaseSuccessors, releaseSuccessorsSql, type Successor } from "@/server/delivery/ordering/release-successors";
import type { Decision } from "@/server/delivery/policy/decide-next";
import { describeOutcome } from "@/server/delivery/send/describe-outcome";
import type { RecordedRequest, SendOutcome } from "@/server/delivery/types";
import { newId } from "@/server/lib/ids";
import { sanitizeRecord, sanitizeText } from "./sanitize-for-storage";
import { matchesInputId } from "./matches-input-id";

export type AttemptRecord = {
  delivery: { id: string; accountId: string; endpointId: string };
  /** Its endpoint has adaptive throttling: the outcome feeds it (server/delivery/throttle). */
  adaptive: boolean;
  attemptNumber: number;
  trigger: "scheduled" | "manual";
  request: RecordedRequest;
  outcome: SendOutcome;
  decision: Decision;
  at: Date;
};

/**
 * Writes a batch of attempts in one statement: the attempt rows, each delivery's new state (lease
 * released) and each endpoint's failure streak — so the log, the delivery list and the endpoint
 * status never disagree, at one round trip per batch instead of one per attempt.
 *
 * The streak counts failed deliveries (schedule exhausted, or 410), not failed attempts: an
 * endpoint that recovers within a delivery's retries took every event and stays enabled. A manual
 * retry that fails again does not add to it — that delivery was already counted once. Within a
 * batch the attempts of one endpoint are folded in order (a success resets the count).
 *
 * An attempt is written only for a delivery the statement updated: the attempts table has no
 * foreign keys, so a delivery deleted meanwhile (with its endpoint) leaves no orphan behind.
 * Prepared: every lookup is by primary key, but a generic plan cached while `deliveries` was small
 * may still scan it whole; fresh statistics (runners/claim-statistics.ts, or autovacuum's) replace it.
 *
 * A delivery that ends (succeeded or failed for good) releases the next one of its message
 * (ordered delivery); their ids are returned so the runner can claim them at once.
 */
export async function recordAttempts(
  db: Db,
  records: AttemptRecord[],
  disableAfterFailures: number,
): Promise<string[]> {
  if (!records.length) return [];
  const rows = records.map(toRow);
  const streaks = foldStreaks(records);
  const reason = `Disabled after ${disableAfterFailures} consecutive failed deliveries`;
  const successors = await queryRows<Successor>(
    db,
    sql`with input as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(
        att_id text, delivery_id text, account_id text, endpoint_id text, attempt_number int, trigger text,
        request jsonb, response_status int, response_headers jsonb, response_body text, duration_ms int,
        error_class text, error_message text, at timestamptz, status text, next_attempt_at timestamptz,
        last_error text, succeeded boolean)
    ), streaks as (
      select * from jsonb_to_recordset(${JSON.stringify(streaks)}::jsonb) as s(
        endpoint_id text, reset boolean, add int, gone text, at timestamptz)
    ), delivery as (
      update deliveries d set status = i.status, attempts = i.attempt_number, next_attempt_at = i.next_attempt_at,
        lease_expires_at = null, lease_owner = null, rate_slot_at = null, next_trigger = 'scheduled', resume_at = null,
        manual_attempts = d.manual_attempts + case when i.trigger = 'manual' then 1 else 0 end,
        internal_failures = 0, last_status_code = i.response_status, last_error = i.last_error,
        delivered_at = case when i.succeeded then i.at else null end, updated_at = i.at
      from input i where ${matchesInputId("i", "delivery_id")}
      returning d.id, d.status, d.successor_id
    ), attempt as (
      insert into delivery_attempts (id, account_id, endpoint_id, delivery_id, attempt_number, trigger, request,
        response_status, response_headers, response_body, duration_ms, error_class, error_message, created_at)
      select i.att_id, i.account_id, i.endpoint_id, i.delivery_id, i.attempt_number, i.trigger, i.request,
        i.response_status, i.response_headers, i.response_body, i.duration_ms, i.error_class, i.error_message, i.at
      from input i join delivery u on u.id = i.delivery_id
    ), ${releaseSuccessorsSql("delivery")}, counted as (
      select e.id, s.gone, s.at,
        case when s.reset then s.add else e.consecutive_failures + s.add end as failures
      from endpoints e join streaks s on s.endpoint_id = e.id
      where s.add > 0 or s.gone is not null or (s.reset and e.consecutive_failures <> 0)
    ), streak as (
    update endpoints e set consecutive_failures = c.failures,
      status = case when c.gone is not null or (c.failures >= ${disableAfterFailures}::int and e.status = 'active')
        then 'disabled' else e.status end,
      disabled_reason = case when c.gone is not null then c.gone
        when c.failures >= ${disableAfterFailures}::int and e.status = 'active' then ${reason} else e.disabled_reason end,
      disabled_at = case when c.gone is not null or (c.failures >= ${disableAfterFailures}::int and e.status = 'active')
        then c.at else e.disabled_at end
    from counted c where e.id = c.id
    )
    select id, blocker, released from successors`,
    { prepare: true },
  );
  return releaseSuccessors(db, successors);
}

function toRow(r: AttemptRecord) {
  const { decision, outcome } = r;
  return {
    att_id: newId("att"),
    delivery_id: r.delivery.id,
    account_id: r.delivery.accountId,
    endpoint_id: r.delivery.endpointId,
    attempt_number: r.attemptNumber,
    trigger: r.trigger,
    request: storableRequest(r.request),
    response_status: outcome.status,
    response_headers: sanitizeRecord(outcome.headers),
    response_body: sanitizeText(outcome.body),
    duration_ms: outcome.durationMs,
    error_class: outcome.errorClass,
    error_message: sanitizeText(outcome.errorMessage),
    at: r.at.toISOString(),
    status: decision.kind === "retry" ? "retrying" : decision.kind,
    next_attempt_at: (decision.kind === "retry" ? decision.at : r.at).toISOString(),
    last_error: outcome.ok ? null : sanitizeText(describeOutcome(outcome)),
    succeeded: decision.kind === "succeeded",
  };
}

function storableRequest(req: RecordedRequest): RecordedRequest {
  const url = sanitizeText(req.url);
  const body = sanitizeText(req.body);
  return url === req.url && body === req.body ? req : { ...req, url, body };
}

/** Per endpoint: whether the batch resets the streak, how many failed deliveries it adds after that, a 410. */
function foldStreaks(records: AttemptRecord[]) {
  const byEndpoint = new Map<
    string,
    { endpoint_id: string; reset: boolean; add: number; gone: string | null; at: string }
  >();
  for (const r of records) {
    const id = r.delivery.endpointId;
    const s = byEndpoint.get(id) ?? { endpoint_id: id, reset: false, add: 0, gone: null, at: r.at.toISOString() };
    s.at = r.at.toISOString();
    const d = r.decision;
    if (d.kind === "succeeded") {
      s.reset = true;
      s.add = 0;
    } else if (d.kind === "failed" && (d.disableEndpoint || r.trigger === "scheduled")) {
      s.add += 1;
      if (d.disableEndpoint) s.gone = d.disableEndpoint;
    }
    byEndpoint.set(id, s);
  }
  return [...byEndpoint.values()];
}
