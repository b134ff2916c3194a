import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { whiteLabels } from "@/db/schema";
import type { Actor } from "@/server/api/trpc";

/** The reseller's own storefront settings, or null before it is set up. */
export async function getWhiteLabel({ db, actor }: { db: Db; actor: Actor }) {
  const [row] = await db.select().from(whiteLabels).where(eq(whiteLabels.resellerId, actor.accountId));
  return row ?? null;
}
