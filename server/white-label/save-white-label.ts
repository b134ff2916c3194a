import type { DomainContext } from "@/server/auth/actor";
import { and, eq, gt, ne } from "drizzle-orm";
import { slugReservations, whiteLabels } from "@/db/schema";
import { conflict } from "@/server/errors";
import { newId } from "@/server/lib/ids";
import { isUniqueViolation } from "@/server/lib/is-unique-violation";
import type { WhiteLabelData } from "./schemas";

/** How long a slug a storefront moved away from stays its own (and redirects to the new one). */
export const SLUG_RESERVATION_DAYS = 30;

const slugTaken = (message = "This slug is taken by another storefront") =>
  conflict("This slug is taken", [{ path: ["slug"], message }]);

/**
 * Creates or updates the reseller's storefront. Slugs are unique across storefronts, and a slug a
 * storefront moved away from stays reserved for it for SLUG_RESERVATION_DAYS — its old links
 * redirect to the new slug instead of landing on someone else's storefront. Racing saves of one
 * slug: the unique index decides, and the loser gets the same conflict.
 */
export async function saveWhiteLabel({ db, actor }: DomainContext, input: WhiteLabelData) {
  const now = new Date();
  try {
    return await db.transaction(async (tx) => {
      const [taken] = await tx
        .select({ id: whiteLabels.id })
        .from(whiteLabels)
        .where(and(eq(whiteLabels.slug, input.slug), ne(whiteLabels.resellerId, actor.accountId)));
      if (taken) throw slugTaken();
      const [reserved] = await tx
        .select({ until: slugReservations.reservedUntil })
        .from(slugReservations)
        .where(
          and(
            eq(slugReservations.slug, input.slug),
            ne(slugReservations.resellerId, actor.accountId),
            gt(slugReservations.reservedUntil, now),
          ),
        );
      if (reserved)
        throw slugTaken(
          `This slug belonged to another storefront until recently and is reserved until ${reserved.until.toISOString().slice(0, 10)}`,
        );

      const [current] = await tx
        .select({ slug: whiteLabels.slug })
        .from(whiteLabels)
        .where(eq(whiteLabels.resellerId, actor.accountId))
        .for("update");
      const values = {
        brandName: input.brandName,
        slug: input.slug,
        logoUrl: input.logoUrl ?? null,
        primaryColor: input.primaryColor,
        supportEmail: input.supportEmail ?? null,
        updatedAt: now,
      };
      const [row] = await tx
        .insert(whiteLabels)
        .values({ id: newId("wl"), resellerId: actor.accountId, ...values })
        .onConflictDoUpdate({ target: whiteLabels.resellerId, set: values })
        .returning();
      // The new slug is no longer a reservation (an expired one of another reseller, or our own old one).
      await tx.delete(slugReservations).where(eq(slugReservations.slug, input.slug));
      let reservedSlug: { slug: string; until: Date } | null = null;
      if (current && current.slug !== input.slug) {
        const until = new Date(now.getTime() + SLUG_RESERVATION_DAYS * 24 * 3600_000);
        await tx
          .insert(slugReservations)
          .values({ slug: current.slug, resellerId: actor.accountId, reservedUntil: until })
          .onConflictDoUpdate({
            target: slugReservations.slug,
            set: { resellerId: actor.accountId, reservedUntil: until },
          });
        reservedSlug = { slug: current.slug, until };
      }
      return { ...row!, reservedSlug };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken();
    throw err;
  }
}
