import type { DomainContext } from "@/server/auth/actor";
import { and, eq } from "drizzle-orm";
import { endpoints } from "@/db/schema";
import { notFound } from "@/server/errors";

/** Deletes the endpoint with its deliveries and attempts (cascade). */
export async function deleteEndpoint({ db, actor }: DomainContext, input: { id: string }) {
  const deleted = await db
    .delete(endpoints)
    .where(and(eq(endpoints.id, input.id), eq(endpoints.accountId, actor.accountId)))
    .returning({ id: endpoints.id });
  if (!deleted.length) throw notFound("Endpoint");
  return { id: input.id };
}
