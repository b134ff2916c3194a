import type { ReadContext } from "@/server/auth/actor";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { notifications } from "@/db/schema";

/** The bell: the account's newest notifications (20) and how many are unread. */
export async function listNotifications({ db, actor: { accountId } }: ReadContext) {
  const [items, [unread]] = await Promise.all([
    db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        endpointId: notifications.endpointId,
        title: notifications.title,
        body: notifications.body,
        readAt: notifications.readAt,
        createdAt: notifications.createdAt,
      })
      .from(notifications)
      .where(eq(notifications.accountId, accountId))
      .orderBy(desc(notifications.id))
      .limit(20),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt))),
  ]);
  return { items, unread: unread?.n ?? 0 };
}
