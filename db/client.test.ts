import { afterAll, beforeAll, expect, test } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb } from "@/tests/helpers/db";
import { queryRows, type DbHandle } from "./client";
import { accounts } from "./schema";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(() => h.close());

test("migrations create the schema and queryRows reads raw rows on either driver", async () => {
  await h.db.insert(accounts).values({ id: "acc_1", type: "customer", name: "A" });
  const rows = await queryRows<{ n: number }>(h.db, sql`select count(*)::int as n from accounts`);
  expect(rows[0]?.n).toBe(1);
});
