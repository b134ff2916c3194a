import { expect, test } from "vitest";
import { count } from "drizzle-orm";
import { accounts, users, whiteLabels } from "@/db/schema";
import { seedDemo } from "@/scripts/seed/seed-demo";
import { authenticate } from "@/server/auth/authenticate";
import { setupIntegration } from "@/tests/helpers/integration";

const h = setupIntegration();

test("the demo seed is idempotent and its accounts can sign in", async () => {
  const first = await seedDemo(h.db);
  const second = await seedDemo(h.db);
  expect(second.map((a) => a.accountId)).toEqual(first.map((a) => a.accountId));
  expect((await h.db.select({ n: count() }).from(users))[0]!.n).toBe(3);
  expect((await h.db.select({ n: count() }).from(accounts))[0]!.n).toBe(3);
  expect((await h.db.select({ n: count() }).from(whiteLabels))[0]!.n).toBe(1);
  const reseller = first.find((a) => a.role === "reseller")!;
  const user = await authenticate(
    { db: h.db, throttle: { maxFailures: 10, windowMinutes: 15, maxFailuresPerClient: 20 } },
    { email: reseller.email, password: reseller.password },
  );
  expect(user.role).toBe("reseller");
});
