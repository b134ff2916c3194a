import type { DomainContext } from "@/server/auth/actor";
import { eq } from "drizzle-orm";
import { whiteLabels } from "@/db/schema";

/** The reseller's own storefront settings, or null before it is set up. */
export async function getWhiteLabel({ db, actor }: DomainContext) {
  const [row] = await db.select().from(whiteLabels).where(eq(whiteLabels.resellerId, actor.accountId));
  return row ?? null;
}
