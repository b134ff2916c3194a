import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { users } from "@/db/schema";

/** Ends every session of the user (sign-out, password change or reset): their version no longer matches. */
export async function endUserSessions(db: DbOrTx, userId: string) {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}
