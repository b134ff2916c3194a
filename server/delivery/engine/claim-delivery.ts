import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import { CLAIMED_COLUMNS, toClaimedDelivery, type ClaimedDelivery, type ClaimedRow } from "./claimed-delivery";
import { PARKED_OFFSET } from "./park";

/** How early a woken run may claim a delivery (Inngest's sleeps end a little early or late). */
const CLAIM_EARLY_MS = 1000;

type ClaimResult =
  | { claimed: ClaimedDelivery }
  | { claimed: null; state: "missing" | "finished" | "paused" | "blocked" }
  | { claimed: null; state: "waiting"; until: Date };

/**
 * Claims one delivery for an attempt (the Inngest path; the local runner claims in batches).
 * Atomic, so two runs for the same delivery — a scheduled one and a manual retry — never both
 * send it: the loser learns when to look again.
 */
export async function claimDelivery(db: Db, deliveryId: string, owner: string, leaseMs: number): Promise<ClaimResult> {
  const [row] = await queryRows<ClaimedRow & { parked: boolean }>(
    db,
    sql`with locked as (
          select d.id from deliveries d
          where d.id = ${deliveryId} and d.status in ('pending', 'retrying') and d.blocked_by is null
            and d.next_attempt_at <= clock_timestamp() + make_interval(secs => ${CLAIM_EARLY_MS / 1000}::double precision)
            and (d.lease_expires_at is null or d.lease_expires_at < clock_timestamp())
          for update skip locked
        )
        update deliveries d set
          lease_expires_at = case when ep.status = 'paused' then null
            else clock_timestamp() + make_interval(secs => ${leaseMs / 1000}::double precision) end,
          lease_owner = case when ep.status = 'paused' then null else ${owner} end,
          next_attempt_at = case when ep.status = 'paused' then d.next_attempt_at + ${PARKED_OFFSET}::interval
            else d.next_attempt_at end
        from locked l, events ev, endpoints ep
        where d.id = l.id and ev.id = d.event_id and ep.id = d.endpoint_id
        returning ${sql.raw(CLAIMED_COLUMNS)}, ep.status = 'paused' as parked`,
  );
  if (row) return row.parked ? { claimed: null, state: "paused" } : { claimed: toClaimedDelivery(row) };

  const [state] = await queryRows<{
    status: string;
    next_attempt_at: Date | string;
    lease_expires_at: Date | string | null;
    blocked_by: string | null;
    ep_status: string;
  }>(
    db,
    sql`select d.status, d.next_attempt_at, d.lease_expires_at, d.blocked_by, ep.status as ep_status
        from deliveries d join endpoints ep on ep.id = d.endpoint_id where d.id = ${deliveryId}`,
  );
  if (!state) return { claimed: null, state: "missing" };
  if (!["pending", "retrying"].includes(state.status)) return { claimed: null, state: "finished" };
  if (state.blocked_by) return { claimed: null, state: "blocked" };
  if (state.ep_status === "paused") return { claimed: null, state: "paused" };
  const leasedUntil = state.lease_expires_at ? new Date(state.lease_expires_at) : null;
  const until = leasedUntil && leasedUntil.getTime() > Date.now() ? leasedUntil : new Date(state.next_attempt_at);
  return { claimed: null, state: "waiting", until };
}
