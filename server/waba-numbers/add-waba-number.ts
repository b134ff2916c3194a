import type { ReadContext } from "@/server/auth/actor";
import { wabaNumbers } from "@/db/schema";
import { conflict } from "@/server/errors";
import { newId } from "@/server/lib/ids";
import type { AddWabaNumberInput } from "./schemas";

/** Adds a WABA number to the account; each number once per account. */
export async function addWabaNumber({ db, actor }: ReadContext, input: AddWabaNumberInput) {
  const [row] = await db
    .insert(wabaNumbers)
    .values({ id: newId("waba"), accountId: actor.accountId, number: input.number, label: input.label })
    .onConflictDoNothing({ target: [wabaNumbers.accountId, wabaNumbers.number] })
    .returning({
      id: wabaNumbers.id,
      number: wabaNumbers.number,
      label: wabaNumbers.label,
      createdAt: wabaNumbers.createdAt,
    });
  if (!row)
    throw conflict(`${input.number} is already added`, [
      { path: ["number"], message: `${input.number} is already one of your WABA numbers` },
    ]);
  return row;
}
