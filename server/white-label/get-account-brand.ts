import type { ReadContext } from "@/server/auth/actor";
import { and, eq } from "drizzle-orm";
import { accounts, whiteLabels } from "@/db/schema";

/**
 * The brand the app shell wears for this account: its reseller's storefront (name, logo, colour,
 * support email) when the account signed up under a reseller that has one; null otherwise
 * (Hookline's own brand).
 */
export async function getAccountBrand({ db, actor }: ReadContext) {
  const [row] = await db
    .select({
      slug: whiteLabels.slug,
      brandName: whiteLabels.brandName,
      logoUrl: whiteLabels.logoUrl,
      primaryColor: whiteLabels.primaryColor,
      supportEmail: whiteLabels.supportEmail,
    })
    .from(accounts)
    .innerJoin(whiteLabels, eq(whiteLabels.resellerId, accounts.resellerId))
    .where(and(eq(accounts.id, actor.accountId), eq(accounts.type, "customer")));
  return row ?? null;
}
