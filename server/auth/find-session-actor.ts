import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { accounts, users } from "@/db/schema";
import type { Actor } from "./actor";

/**
 * The actor a session stands for, or null when the session has ended: the user is gone, signed
 * out or changed their password (the session version moved on), or the account is suspended.
 * Checked on every request, so ending sessions takes effect at once.
 */
export async function findSessionActor(
  db: DbOrTx,
  session: { userId: string; sessionVersion: number },
): Promise<Actor | null> {
  const [row] = await db
    .select({
      accountId: users.accountId,
      sessionVersion: users.sessionVersion,
      role: accounts.type,
      status: accounts.status,
    })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(eq(users.id, session.userId));
  if (!row || row.sessionVersion !== session.sessionVersion || row.status !== "active") return null;
  return { userId: session.userId, accountId: row.accountId, role: row.role };
}
