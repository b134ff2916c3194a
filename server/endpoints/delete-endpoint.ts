import type { DomainContext } from "@/server/auth/actor";
import { and, eq } from "drizzle-orm";
import { endpoints } from "@/db/schema";
import { deleteAttempts } from "@/server/delivery/log/delete-attempts";
import { notFound } from "@/server/errors";

/** Deletes the endpoint with its deliveries (cascade) and its attempts. */
export async function deleteEndpoint({ db, actor }: DomainContext, input: { id: string }) {
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(endpoints)
      .where(and(eq(endpoints.id, input.id), eq(endpoints.accountId, actor.accountId)))
      .returning({ id: endpoints.id });
    if (!deleted.length) throw notFound("Endpoint");
    await deleteAttempts(tx, { endpointId: input.id });
    return { id: input.id };
  });
}
