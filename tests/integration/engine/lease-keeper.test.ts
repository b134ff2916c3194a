import { eq, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { deliveries } from "@/db/schema";
import { HeldDeliveries } from "@/server/delivery/runners/held-deliveries";
import { LeaseKeeper } from "@/server/delivery/runners/lease-keeper";
import { insertAccount, insertDelivery } from "@/tests/helpers/deliveries";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";

const h = setupIntegration();

const LEASE_MS = 1_000;
const leasedTo = (owner: string, msFromNow: number) => ({
  leaseOwner: owner,
  leaseExpiresAt: new Date(Date.now() + msFromNow),
});

test("a delivery held past its lease is sent after a renewal while still ours, never once another runner took it", async () => {
  const accountId = await insertAccount(h.db);
  const endpoint = await insertEndpoint(h.db, accountId, "http://127.0.0.1:9/hook");
  // Claimed 2 s ago with a 1 s lease: the renewals were late (a starved event loop), nobody took it over.
  const stillOurs = await insertDelivery(h.db, accountId, endpoint.id, leasedTo("runner-a", -1_000));
  const takenOver = await insertDelivery(h.db, accountId, endpoint.id, leasedTo("runner-a", -1_000));
  const errors: unknown[] = [];
  const held = new HeldDeliveries(10, 10);
  const keeper = new LeaseKeeper(h.db, "runner-a", LEASE_MS, held, (err) => errors.push(err));
  for (const d of [stillOurs, takenOver]) held.add(d.id, endpoint.id, accountId, Date.now() - 2_000);

  expect(keeper.check(stillOurs.id)).toBe("renew");
  expect(keeper.check(takenOver.id)).toBe("renew");

  await h.db.update(deliveries).set(leasedTo("runner-b", 60_000)).where(eq(deliveries.id, takenOver.id));
  const [first, joined] = [keeper.renew(), keeper.renew()];
  expect(joined).toBe(first); // one renewal at a time; callers join it
  expect(await first).toBe(true);

  expect(keeper.check(stillOurs.id)).toBe("send");
  expect(keeper.check(takenOver.id)).toBe("lost");
  const [row] = await h.db.select().from(deliveries).where(eq(deliveries.id, stillOurs.id));
  expect(row!.leaseOwner).toBe("runner-a");
  expect(row!.leaseExpiresAt!.getTime()).toBeGreaterThan(Date.now());
  const [theirs] = await h.db.select().from(deliveries).where(eq(deliveries.id, takenOver.id));
  expect(theirs!.leaseOwner).toBe("runner-b");
  expect(errors).toEqual([]);
});

// A lock from another connection: PGlite is one connection, so this runs in the Postgres passes.
test.skipIf(!process.env.TEST_DATABASE_URL)(
  "a row a renewal finds locked (another runner's claim, not yet committed) is neither renewed nor lost: not sent on its word",
  async () => {
    const accountId = await insertAccount(h.db);
    const endpoint = await insertEndpoint(h.db, accountId, "http://127.0.0.1:9/hook");
    // Our renewals were late; runner-b's claim has found the lease over and locked the row.
    const contested = await insertDelivery(h.db, accountId, endpoint.id, leasedTo("runner-a", -1_000));
    const held = new HeldDeliveries(10, 10);
    const keeper = new LeaseKeeper(h.db, "runner-a", LEASE_MS, held, () => {});
    held.add(contested.id, endpoint.id, accountId, Date.now() - 2_000);
    expect(keeper.check(contested.id)).toBe("renew");

    await h.db.transaction(async (tx) => {
      await tx.execute(sql`select id from deliveries where id = ${contested.id} for update`);
      expect(await keeper.renew()).toBe(true); // skips the locked row, never waits for it
      // Still named ours (the claim is uncommitted), but not renewed: sending it now would be a second copy.
      expect(keeper.check(contested.id)).toBe("renew");
      await tx.update(deliveries).set(leasedTo("runner-b", 60_000)).where(eq(deliveries.id, contested.id));
    });

    expect(await keeper.renew()).toBe(true);
    expect(keeper.check(contested.id)).toBe("lost");
  },
);
