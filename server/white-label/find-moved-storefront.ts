import { and, eq, gt } from "drizzle-orm";
import type { Db } from "@/db";
import { slugReservations, whiteLabels } from "@/db/schema";

/** Public: the current slug of the storefront that moved away from `slug` (still reserved), or null. */
export async function findMovedStorefront({ db }: { db: Db }, { slug }: { slug: string }) {
  const [row] = await db
    .select({ slug: whiteLabels.slug })
    .from(slugReservations)
    .innerJoin(whiteLabels, eq(whiteLabels.resellerId, slugReservations.resellerId))
    .where(and(eq(slugReservations.slug, slug.toLowerCase()), gt(slugReservations.reservedUntil, new Date())));
  return row ? { movedTo: row.slug } : null;
}
