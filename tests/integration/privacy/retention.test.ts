import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { accounts, deliveries, deliveryAttempts, events } from "@/db/schema";
import { savePrivacySettings } from "@/server/accounts/save-privacy-settings";
import { findMissedEvents } from "@/server/delivery/replay/find-missed-events";
import { newId } from "@/server/lib/ids";
import { runHousekeeping } from "@/server/maintenance/run-housekeeping";
import { setupIntegration } from "@/tests/helpers/integration";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { createActor } from "@/tests/helpers/actors";

const h = setupIntegration();

const DAY = 86_400_000;

/** An event `ageDays` old with one delivery (in `status`) and one attempt of the same age. */
async function oldEvent(accountId: string, endpointId: string, ageDays: number, status: "succeeded" | "retrying") {
  const at = new Date(Date.now() - ageDays * DAY);
  const eventId = newId("evt");
  const deliveryId = newId("dlv");
  await h.db
    .insert(events)
    .values({ id: eventId, accountId, type: "sms.dlr", data: { mobile: "919812345678" }, createdAt: at });
  await h.db.insert(deliveries).values({ id: deliveryId, accountId, eventId, endpointId, status, createdAt: at });
  await h.db.insert(deliveryAttempts).values({
    id: newId("att"),
    accountId,
    endpointId,
    deliveryId,
    attemptNumber: 1,
    trigger: "scheduled",
    request: { method: "POST", url: "http://x", headers: {}, body: "{}" },
    durationMs: 5,
    createdAt: at,
  });
  return eventId;
}

async function remaining(ids: string[]) {
  const rows = await h.db.select({ id: events.id }).from(events).where(inArray(events.id, ids));
  return new Set(rows.map((r) => r.id));
}

describe("retention per account", () => {
  test("each account's events and attempts are pruned after its own retention", async () => {
    const short = await createActor(h.services);
    const long = await createActor(h.services);
    const actor = (u: { userId: string; accountId: string }) => ({ ...u, role: "customer" as const });
    await savePrivacySettings({ db: h.db, actor: actor(short) }, { piiMasking: true, retentionDays: 2 });
    await savePrivacySettings({ db: h.db, actor: actor(long) }, { piiMasking: true, retentionDays: 60 });
    const defaultUser = await createActor(h.services); // RETENTION_DAYS: 30
    const ep = async (u: { accountId: string }) => (await insertEndpoint(h.db, u.accountId, "http://127.0.0.1:9/")).id;
    const [shortEp, longEp, defaultEp] = [await ep(short), await ep(long), await ep(defaultUser)];

    const shortOld = await oldEvent(short.accountId, shortEp, 3, "succeeded");
    const shortNew = await oldEvent(short.accountId, shortEp, 1, "succeeded");
    const shortStillRetrying = await oldEvent(short.accountId, shortEp, 3, "retrying");
    const longKept = await oldEvent(long.accountId, longEp, 45, "succeeded");
    const longOld = await oldEvent(long.accountId, longEp, 61, "succeeded");
    const defaultKept = await oldEvent(defaultUser.accountId, defaultEp, 29, "succeeded");
    const defaultOld = await oldEvent(defaultUser.accountId, defaultEp, 31, "succeeded");

    const result = await runHousekeeping(h.db);
    expect(result.events).toBeGreaterThanOrEqual(3);

    const left = await remaining([shortOld, shortNew, shortStillRetrying, longKept, longOld, defaultKept, defaultOld]);
    expect([...left].sort()).toEqual([shortNew, shortStillRetrying, longKept, defaultKept].sort());
    // Deliveries have no foreign key to events: retention deletes them with their event.
    const orphans = await h.db
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(inArray(deliveries.eventId, [shortOld, longOld, defaultOld]));
    expect(orphans).toEqual([]);
    // The retrying delivery's event stays, but its old attempt is gone.
    const attempts = await h.db
      .select({ n: sql<number>`count(*)::int` })
      .from(deliveryAttempts)
      .innerJoin(deliveries, eq(deliveries.id, deliveryAttempts.deliveryId))
      .where(eq(deliveries.eventId, shortStillRetrying));
    expect(attempts[0]!.n).toBe(0);
  });

  // Two connections: the replay's transaction holds its lock while retention runs beside it.
  test.skipIf(!process.env.TEST_DATABASE_URL)(
    "retention skips an event a replay is writing a delivery for, so no delivery outlives its event",
    async () => {
      const u = await createActor(h.services);
      await savePrivacySettings(
        { db: h.db, actor: { ...u, role: "customer" } },
        { piiMasking: true, retentionDays: 2 },
      );
      const first = (await insertEndpoint(h.db, u.accountId, "http://127.0.0.1:9/")).id;
      const second = (await insertEndpoint(h.db, u.accountId, "http://127.0.0.1:9/")).id;
      // The second endpoint existed (disabled) when the event came: it missed it.
      await h.db.execute(sql`update endpoints set created_at = now() - interval '10 days' where id = ${second}`);
      const eventId = await oldEvent(u.accountId, first, 3, "succeeded");

      const replayed = newId("dlv");
      await h.db.transaction(async (tx) => {
        const since = new Date(Date.now() - 9 * DAY);
        expect(await findMissedEvents(tx, u.accountId, second, since, 10)).toEqual([eventId]);
        // Retention runs while the replay is between finding the event and writing its delivery.
        await runHousekeeping(h.db);
        expect(await remaining([eventId])).toEqual(new Set([eventId]));
        await tx.insert(deliveries).values({ id: replayed, accountId: u.accountId, eventId, endpointId: second });
      });

      await h.db.update(deliveries).set({ status: "succeeded" }).where(eq(deliveries.id, replayed));
      await runHousekeeping(h.db);
      expect(await remaining([eventId])).toEqual(new Set());
      const left = await h.db.select({ id: deliveries.id }).from(deliveries).where(eq(deliveries.eventId, eventId));
      expect(left).toEqual([]);
    },
  );

  test("the setting must be 1–90 days", async () => {
    const u = await createActor(h.services);
    const { privacySettingsSchema } = await import("@/server/accounts/schemas");
    expect(privacySettingsSchema.safeParse({ piiMasking: true, retentionDays: 0 }).success).toBe(false);
    expect(privacySettingsSchema.safeParse({ piiMasking: true, retentionDays: 91 }).success).toBe(false);
    const [row] = await h.db.select({ d: accounts.retentionDays }).from(accounts).where(eq(accounts.id, u.accountId));
    expect(row!.d).toBeNull();
  });
});
