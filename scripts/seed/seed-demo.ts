import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users, wabaNumbers, whiteLabels } from "@/db/schema";
import { signUp } from "@/server/accounts/sign-up";
import { newId } from "@/server/lib/ids";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_WHITE_LABEL } from "./demo-accounts";

export type SeededAccount = {
  role: "customer" | "reseller";
  email: string;
  password: string;
  accountId: string;
  note: string;
};

/** Idempotent: creates what is missing, leaves what exists. */
export async function seedDemo(db: Db): Promise<SeededAccount[]> {
  const reseller = await ensureUser(db, DEMO_ACCOUNTS.reseller, "reseller");
  const existingWl = await db.select().from(whiteLabels).where(eq(whiteLabels.resellerId, reseller.accountId));
  if (!existingWl.length) {
    await db.insert(whiteLabels).values({ id: newId("wl"), resellerId: reseller.accountId, ...DEMO_WHITE_LABEL });
  }
  const underReseller = await ensureUser(db, DEMO_ACCOUNTS.resellerCustomer, "customer", reseller.accountId);
  const direct = await ensureUser(db, DEMO_ACCOUNTS.directCustomer, "customer");
  for (const acc of [underReseller, direct]) {
    await db
      .insert(wabaNumbers)
      .values({ id: newId("waba"), accountId: acc.accountId, number: "919876543210", label: "Main WhatsApp number" })
      .onConflictDoNothing();
  }
  return [
    {
      role: "reseller",
      email: DEMO_ACCOUNTS.reseller.email,
      password: DEMO_PASSWORD,
      accountId: reseller.accountId,
      note: `reseller, storefront /r/${DEMO_WHITE_LABEL.slug}/sign-up`,
    },
    {
      role: "customer",
      email: DEMO_ACCOUNTS.resellerCustomer.email,
      password: DEMO_PASSWORD,
      accountId: underReseller.accountId,
      note: `customer under ${DEMO_WHITE_LABEL.slug}`,
    },
    {
      role: "customer",
      email: DEMO_ACCOUNTS.directCustomer.email,
      password: DEMO_PASSWORD,
      accountId: direct.accountId,
      note: "direct customer",
    },
  ];
}

async function ensureUser(
  db: Db,
  profile: (typeof DEMO_ACCOUNTS)[keyof typeof DEMO_ACCOUNTS],
  accountType: "customer" | "reseller",
  resellerId?: string,
) {
  const [existing] = await db.select({ accountId: users.accountId }).from(users).where(eq(users.email, profile.email));
  if (existing) return existing;
  const created = await signUp({ db }, { ...profile, password: DEMO_PASSWORD, accountType }, { resellerId });
  return { accountId: created.accountId };
}
