import type { DomainContext } from "@/server/auth/actor";
import { and, eq, isNull } from "drizzle-orm";
import { notifications } from "@/db/schema";

/** Opening the bell marks the account's notifications read. */
export async function markNotificationsRead({ db, actor: { accountId } }: DomainContext) {
  const read = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { read: read.length };
}
