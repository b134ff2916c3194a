import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { wabaNumbers } from "@/db/schema";
import { invalid } from "@/server/errors";

/** A WhatsApp endpoint's number must be one of the account's WABA numbers (Settings). */
export async function assertWabaNumber(db: DbOrTx, accountId: string, number: string | null | undefined) {
  if (!number) return;
  const [row] = await db
    .select({ id: wabaNumbers.id })
    .from(wabaNumbers)
    .where(and(eq(wabaNumbers.accountId, accountId), eq(wabaNumbers.number, number)));
  if (!row)
    throw invalid("Unknown WABA number", [
      { path: ["wabaNumber"], message: `${number} is not one of your WABA numbers; add it in Settings first` },
    ]);
}
