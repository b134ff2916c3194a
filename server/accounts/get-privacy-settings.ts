import { eq } from "drizzle-orm";
import { accounts } from "@/db/schema";
import type { ReadContext } from "@/server/auth/actor";
import { notFound } from "@/server/errors";
import { effectiveRetentionDays } from "./effective-retention-days";

/** Settings → Privacy: PII masking and how long events and attempts are kept. */
export async function getPrivacySettings({ db, actor }: ReadContext) {
  const [row] = await db
    .select({ piiMasking: accounts.piiMasking, retentionDays: accounts.retentionDays, type: accounts.type })
    .from(accounts)
    .where(eq(accounts.id, actor.accountId));
  if (!row) throw notFound("Account");
  return {
    piiMasking: row.piiMasking,
    retentionDays: effectiveRetentionDays(row.retentionDays),
    usesDefaultRetention: row.retentionDays === null,
    accountType: row.type,
  };
}
