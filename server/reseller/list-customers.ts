import type { DomainContext } from "@/server/auth/actor";
import { and, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import { accounts, users } from "@/db/schema";

/** The reseller's own customers only: every row is filtered by reseller_id = the actor's account. */
export async function listCustomers({ db, actor }: DomainContext, input: { search?: string; limit?: number } = {}) {
  const filters: SQL[] = [eq(accounts.resellerId, actor.accountId)];
  const q = input.search?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(
      or(
        ilike(users.fullName, like),
        ilike(users.email, like),
        ilike(users.username, like),
        ilike(users.mobileNumber, like),
      )!,
    );
  }
  return db
    .select({
      accountId: accounts.id,
      status: accounts.status,
      userId: users.id,
      fullName: users.fullName,
      username: users.username,
      email: users.email,
      mobileNumber: users.mobileNumber,
      city: users.city,
      region: users.region,
      country: users.country,
      signedUpAt: users.createdAt,
    })
    .from(accounts)
    .innerJoin(users, eq(users.accountId, accounts.id))
    .where(and(...filters))
    .orderBy(desc(users.createdAt))
    .limit(Math.min(input.limit ?? 100, 500));
}
