import { eq } from "drizzle-orm";
import { accounts, endpoints } from "@/db/schema";
import type { DomainContext } from "@/server/auth/actor";
import { getPrivacySettings } from "./get-privacy-settings";
import type { PrivacySettingsInput } from "./schemas";

/**
 * Saves PII masking and retention. Masking is copied to the account's endpoints in the same
 * transaction (the delivery engine reads it there); it applies to attempts from now on, and
 * turning it off never unmasks what was stored or shown masked before.
 */
export async function savePrivacySettings({ db, actor }: DomainContext, input: PrivacySettingsInput) {
  await db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({ piiMasking: input.piiMasking, retentionDays: input.retentionDays })
      .where(eq(accounts.id, actor.accountId));
    await tx.update(endpoints).set({ maskPii: input.piiMasking }).where(eq(endpoints.accountId, actor.accountId));
  });
  return getPrivacySettings({ db, actor });
}
