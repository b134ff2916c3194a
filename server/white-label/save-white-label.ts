import type { DomainContext } from "@/server/auth/actor";
import { and, eq, ne } from "drizzle-orm";
import { whiteLabels } from "@/db/schema";
import { conflict } from "@/server/errors";
import { newId } from "@/server/lib/ids";
import type { WhiteLabelData } from "./schemas";

/** Creates or updates the reseller's storefront; slugs are unique across resellers. */
export async function saveWhiteLabel({ db, actor }: DomainContext, input: WhiteLabelData) {
  const [taken] = await db
    .select({ id: whiteLabels.id })
    .from(whiteLabels)
    .where(and(eq(whiteLabels.slug, input.slug), ne(whiteLabels.resellerId, actor.accountId)));
  if (taken)
    throw conflict("This slug is taken", [{ path: ["slug"], message: "This slug is taken by another storefront" }]);

  const values = {
    brandName: input.brandName,
    slug: input.slug,
    logoUrl: input.logoUrl ?? null,
    primaryColor: input.primaryColor,
    supportEmail: input.supportEmail ?? null,
    updatedAt: new Date(),
  };
  const [row] = await db
    .insert(whiteLabels)
    .values({ id: newId("wl"), resellerId: actor.accountId, ...values })
    .onConflictDoUpdate({ target: whiteLabels.resellerId, set: values })
    .returning();
  return row!;
}
