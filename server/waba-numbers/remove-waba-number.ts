import type { DomainContext } from "@/server/auth/actor";
import { and, eq } from "drizzle-orm";
import { endpoints, wabaNumbers } from "@/db/schema";
import { conflict, notFound } from "@/server/errors";

/** Removes a WABA number; refused (CONFLICT) while a webhook of the account still uses it. */
export async function removeWabaNumber({ db, actor }: DomainContext, input: { id: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: wabaNumbers.id, number: wabaNumbers.number })
      .from(wabaNumbers)
      .where(and(eq(wabaNumbers.id, input.id), eq(wabaNumbers.accountId, actor.accountId)));
    if (!row) throw notFound("WABA number");
    const users = await tx
      .select({ id: endpoints.id })
      .from(endpoints)
      .where(and(eq(endpoints.accountId, actor.accountId), eq(endpoints.wabaNumber, row.number)));
    if (users.length > 0) {
      const ids = users.map((u) => u.id).join(", ");
      throw conflict(
        `${row.number} is used by ${users.length === 1 ? "a webhook" : `${users.length} webhooks`} (${ids}); change or delete ${users.length === 1 ? "it" : "them"} first`,
      );
    }
    await tx.delete(wabaNumbers).where(eq(wabaNumbers.id, row.id));
    return { id: row.id };
  });
}
