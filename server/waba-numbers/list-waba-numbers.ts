import type { ReadContext } from "@/server/auth/actor";
import { asc, eq } from "drizzle-orm";
import { wabaNumbers } from "@/db/schema";

/** The account's WhatsApp Business numbers, oldest first (the order they were added). */
export async function listWabaNumbers({ db, actor }: ReadContext) {
  return db
    .select({
      id: wabaNumbers.id,
      number: wabaNumbers.number,
      label: wabaNumbers.label,
      createdAt: wabaNumbers.createdAt,
    })
    .from(wabaNumbers)
    .where(eq(wabaNumbers.accountId, actor.accountId))
    .orderBy(asc(wabaNumbers.createdAt), asc(wabaNumbers.id));
}
