import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";

/**
 * Deletes the attempts of an account or of an endpoint. `delivery_attempts` has no foreign keys
 * (see db/schema/events.ts), so the verbs that delete their owner call this after deleting it, in
 * the same transaction: deleting the owner first waits for any attempt batch being written for its
 * deliveries (the batch holds their row locks), so this statement sees that batch too.
 */
export async function deleteAttempts(db: DbOrTx, of: { accountId: string } | { endpointId: string }) {
  await db.execute(
    "accountId" in of
      ? sql`delete from delivery_attempts where account_id = ${of.accountId}`
      : sql`delete from delivery_attempts where endpoint_id = ${of.endpointId}`,
  );
}
