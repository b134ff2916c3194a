import { sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { queryRows } from "@/db";
import { claimDueBatch } from "@/server/delivery/engine/claim-batch";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import { createActor } from "@/tests/helpers/actors";
import { insertEndpoint } from "@/tests/helpers/endpoints";
import { setupIntegration } from "@/tests/helpers/integration";

const h = setupIntegration();

type Counts = { upd: number; hot: number };

/** Postgres' own count of updates on `deliveries`, and how many of them were HOT (no index touched). */
async function updateCounts(): Promise<Counts> {
  const [row] = await queryRows<{ upd: string | number; hot: string | number }>(
    h.db,
    sql`select n_tup_upd as upd, n_tup_hot_upd as hot from pg_stat_user_tables where relname = 'deliveries'`,
  );
  return { upd: Number(row!.upd), hot: Number(row!.hot) };
}

// The statistics are flushed by each connection when it goes idle (at most once a second).
async function countsAfter(base: Counts, updates: number): Promise<Counts> {
  const until = Date.now() + 15_000;
  for (;;) {
    const now = await updateCounts();
    if (now.upd - base.upd >= updates || Date.now() > until)
      return { upd: now.upd - base.upd, hot: now.hot - base.hot };
    await new Promise((r) => setTimeout(r, 200));
  }
}

// PGlite's statistics are not flushed while its one connection stays busy; the fill factor is the
// same migration on both.
test.skipIf(!process.env.TEST_DATABASE_URL)(
  "claiming a whole backlog takes its leases in place: the lease update touches no index",
  async () => {
    const a = await createActor(h.services);
    await insertEndpoint(h.db, a.accountId, "http://127.0.0.1:9/hook");
    const n = 2_000;
    for (let i = 0; i < n; i += 500)
      await ingestEvents(
        { ...h.services, actor: a.actor },
        { events: Array.from({ length: 500 }, () => sampleEvent("sms.dlr")) },
      );
    // Ingestion only inserts: no update of `deliveries` is pending a flush before the claims.
    const base = await updateCounts();

    let claimed = 0;
    for (let round = 0; round < 20 && claimed < n; round++) {
      const batch = await claimDueBatch(h.db, {
        owner: "lease-test",
        leaseMs: 60_000,
        limit: 400,
        scanLimit: 5_000,
        full: [],
        fullAccounts: [],
        free: new Map(),
        perEndpoint: n,
        accountFree: new Map(),
        perAccount: n,
        rateHorizonSeconds: 1,
      });
      claimed += batch.length;
    }
    expect(claimed).toBe(n);

    const counts = await countsAfter(base, n);
    console.log(`${counts.hot} of ${counts.upd} lease updates in place`);
    expect(counts.upd).toBe(n);
    // Fill factor 80 left room for about a quarter of them (the rest moved page, with all their
    // index entries); 50 leaves room for each row's new version.
    expect(counts.hot / counts.upd).toBeGreaterThanOrEqual(0.8);
  },
);
