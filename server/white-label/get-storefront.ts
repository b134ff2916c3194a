import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { accounts, whiteLabels } from "@/db/schema";
import { notFound } from "@/server/errors";

type Storefront = {
  resellerId: string;
  slug: string;
  brandName: string;
  logoUrl: string | null;
  primaryColor: string;
  supportEmail: string | null;
};

/** Public: the branding of an active reseller's storefront by slug. */
export async function getStorefront({ db }: { db: Db }, { slug }: { slug: string }): Promise<Storefront> {
  const [row] = await db
    .select({
      resellerId: whiteLabels.resellerId,
      slug: whiteLabels.slug,
      brandName: whiteLabels.brandName,
      logoUrl: whiteLabels.logoUrl,
      primaryColor: whiteLabels.primaryColor,
      supportEmail: whiteLabels.supportEmail,
    })
    .from(whiteLabels)
    .innerJoin(accounts, eq(accounts.id, whiteLabels.resellerId))
    .where(and(eq(whiteLabels.slug, slug.toLowerCase()), eq(accounts.type, "reseller"), eq(accounts.status, "active")));
  if (!row) throw notFound("Storefront");
  return row;
}
