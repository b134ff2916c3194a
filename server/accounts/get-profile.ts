import type { DomainContext } from "@/server/auth/actor";
import { and, eq } from "drizzle-orm";
import { accounts, users } from "@/db/schema";
import { notFound } from "@/server/errors";

export async function getProfile({ db, actor }: DomainContext) {
  const [row] = await db
    .select({
      userId: users.id,
      email: users.email,
      username: users.username,
      fullName: users.fullName,
      mobileNumber: users.mobileNumber,
      city: users.city,
      region: users.region,
      country: users.country,
      createdAt: users.createdAt,
      accountId: accounts.id,
      accountType: accounts.type,
      resellerId: accounts.resellerId,
    })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(and(eq(users.id, actor.userId), eq(users.accountId, actor.accountId)));
  if (!row) throw notFound("Profile");
  return row;
}
