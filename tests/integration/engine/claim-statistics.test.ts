import { expect, test } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db";
import { ClaimStatistics, isPglite } from "@/server/delivery/runners/claim-statistics";
import { createActor } from "@/tests/helpers/actors";
import { insertDelivery } from "@/tests/helpers/deliveries";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";
import { until } from "@/tests/helpers/wait-until";

const h = setupIntegration();

const lastRefresh = () =>
  queryRows<{ analyzed: string | null; vacuumed: string | null }>(
    h.db,
    sql`select coalesce(last_analyze, last_autoanalyze)::text as analyzed, last_vacuum::text as vacuumed
      from pg_stat_user_tables where relname = 'deliveries'`,
  ).then((rows) => rows[0]!);

test("a table grown by more than half since the last refresh gets fresh statistics within 5 s, beside the claims", async () => {
  const a = await createActor(h.services);
  const ep = await insertEndpoint(h.db, a.accountId, "http://127.0.0.1:9/hook");
  for (let i = 0; i < 20; i++) await insertDelivery(h.db, a.accountId, ep.id);
  const before = await lastRefresh();
  const statistics = new ClaimStatistics(h.db);
  const onError = (err: unknown) => {
    throw err;
  };

  // Not yet: below the growth that counts, and not a minute since it started.
  statistics.noteClaimed(500);
  statistics.refreshWhenDue(onError);
  await statistics.idle();
  expect(await lastRefresh()).toEqual(before);

  statistics.noteClaimed(1_000);
  const after = await until(
    async () => {
      statistics.refreshWhenDue(onError); // returns at once; the refresh runs in the background
      await statistics.idle();
      return lastRefresh();
    },
    (r) => r.analyzed !== before.analyzed,
    15_000,
  );
  expect(after.analyzed).not.toBeNull();
  // The quick sample (statistics target 10): at most 11 histogram bounds for the 20 distinct ids,
  // where the default target would keep all 20.
  const [ids] = await queryRows<{ bounds: number | null }>(
    h.db,
    sql`select array_length(histogram_bounds::text::text[], 1) as bounds from pg_stats
      where tablename = 'deliveries' and attname = 'id'`,
  );
  expect(Number(ids!.bounds)).toBeGreaterThan(1);
  expect(Number(ids!.bounds)).toBeLessThanOrEqual(11);
  // PGlite has no autovacuum: its refresh vacuums too (with a smaller ANALYZE sample).
  if (isPglite(h.db)) expect(after.vacuumed).not.toBeNull();
}, 30_000);

test("the periodic refresh waits for a tenth of the table to have been claimed: a trickle never holds PGlite's thread for it", async () => {
  const a = await createActor(h.services);
  const ep = await insertEndpoint(h.db, a.accountId, "http://127.0.0.1:9/hook");
  await insertDelivery(h.db, a.accountId, ep.id);
  let clock = Date.now();
  const statistics = new ClaimStatistics(h.db, () => clock);
  const onError = (err: unknown) => {
    throw err;
  };
  const refreshAfter = async (claimed: number) => {
    const before = await lastRefresh();
    statistics.noteClaimed(claimed);
    clock += 61_000; // past the periodic interval of either database
    statistics.refreshWhenDue(onError);
    await statistics.idle();
    const after = await lastRefresh();
    return after.analyzed !== before.analyzed || after.vacuumed !== before.vacuumed;
  };

  expect(await refreshAfter(10)).toBe(false);
  expect(await refreshAfter(900)).toBe(false); // 910 since the last refresh: still below 1,000
  expect(await refreshAfter(200)).toBe(true);
  expect(await refreshAfter(0)).toBe(false); // counted afresh from the refresh
}, 30_000);
