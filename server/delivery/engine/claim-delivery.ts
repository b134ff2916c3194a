import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";

/** How early a woken runner may claim a delivery: it then waits for the exact time in-process. */
const CLAIM_EARLY_MS = 1000;

type ClaimResult =
  | { claimed: true }
  | { claimed: false; state: "missing" | "finished" }
  | { claimed: false; state: "waiting"; until: Date };

/**
 * Claims one delivery for an attempt (the Inngest path; the local runner claims in batches).
 * Atomic, so two function runs for the same delivery — say a scheduled one and a manual retry —
 * never both send it: the loser learns when to look again.
 */
export async function claimDelivery(db: Db, deliveryId: string, leaseMs: number): Promise<ClaimResult> {
  const claimed = await queryRows<{ id: string }>(
    db,
    sql`update deliveries set status = 'sending', lease_expires_at = clock_timestamp() + make_interval(secs => ${leaseMs / 1000})
        where id = ${deliveryId}
          and ((status in ('pending', 'retrying') and next_attempt_at <= clock_timestamp() + make_interval(secs => ${CLAIM_EARLY_MS / 1000}))
               or (status = 'sending' and lease_expires_at < clock_timestamp()))
        returning id`,
  );
  if (claimed.length) return { claimed: true };
  const [row] = await queryRows<{
    status: string;
    next_attempt_at: Date | string;
    lease_expires_at: Date | string | null;
  }>(db, sql`select status, next_attempt_at, lease_expires_at from deliveries where id = ${deliveryId}`);
  if (!row) return { claimed: false, state: "missing" };
  if (row.status === "succeeded" || row.status === "failed") return { claimed: false, state: "finished" };
  const until = row.status === "sending" && row.lease_expires_at ? row.lease_expires_at : row.next_attempt_at;
  return { claimed: false, state: "waiting", until: new Date(until) };
}
