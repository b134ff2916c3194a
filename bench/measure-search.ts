import { sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { listEvents } from "@/server/events/list-events";
import { seedBenchAccount } from "./setup-target";
import { median, percentile } from "./util";

export type SearchResult = {
  target: string;
  events: number;
  /** Per search kind: median and p95 over the runs, in ms, and how many events it found. */
  searches: { kind: string; term: string; found: number; medianMs: number; p95Ms: number }[];
};

const MOBILES = 50_000;
const RUNS = 25;

/**
 * "Find any message" at scale: one account with `n` events (unique transaction and message ids,
 * mobiles from a pool of 50,000, so one number has ~n/50k events) beside a second account with a
 * tenth as many, written with generate_series; then the Events list's search (`listEvents`, the
 * verb behind tRPC and REST) timed by transaction_id, message_id, mobile (with +) and event id.
 */
export async function measureSearch(handle: DbHandle, name: string, n: number): Promise<SearchResult> {
  const { db } = handle;
  const actor = await seedBenchAccount(handle, "http://127.0.0.1:9/unused");
  const other = await seedBenchAccount(handle, "http://127.0.0.1:9/unused");
  const started = Date.now();
  await fill(handle, actor.accountId, n, "a");
  await fill(handle, other.accountId, Math.ceil(n / 10), "b");
  await db.execute(sql`analyze events`);
  console.log(`  ${n.toLocaleString("en")} events written in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  const mid = Math.floor(n / 2);
  const eventId = `evt_bencha${String(mid).padStart(12, "0")}`;
  const cases = [
    { kind: "transaction_id", term: `tx-a-${mid}` },
    { kind: "message_id", term: `msg-a-${mid}` },
    { kind: "mobile (+, spaces)", term: `+91 98${String(mid % MOBILES).padStart(8, "0")}` },
    { kind: "event id", term: eventId },
    { kind: "no match", term: "tx-none" },
  ];
  const searches = [];
  // Warm-up: the first queries after a million-row insert pay for cold caches and plan setup.
  for (const c of cases) await listEvents({ db, actor }, { search: c.term, limit: 25 });
  for (const c of cases) {
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const page = await listEvents({ db, actor }, { search: c.term, limit: 25 });
      times.push(performance.now() - t);
      found = page.data.length;
    }
    times.sort((a, b) => a - b);
    const row = { ...c, found, medianMs: round(median(times)), p95Ms: round(percentile(times, 0.95)) };
    console.log(
      `  ${c.kind.padEnd(20)} ${String(found).padStart(3)} found  median ${row.medianMs} ms  p95 ${row.p95Ms} ms`,
    );
    searches.push(row);
  }
  return { target: name, events: n, searches };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** `count` sms.dlr events for the account, in batches, newest last, with realistic keys. */
async function fill(handle: DbHandle, accountId: string, count: number, tag: string) {
  const batch = 100_000;
  for (let start = 0; start < count; start += batch) {
    const end = Math.min(count, start + batch) - 1;
    await handle.db.execute(sql`
      insert into events (id, account_id, type, data, created_at)
      select 'evt_bench' || ${tag} || lpad(g::text, 12, '0'), ${accountId}, 'sms.dlr',
        jsonb_build_object(
          'transaction_id', 'tx-' || ${tag} || '-' || g,
          'message_id', 'msg-' || ${tag} || '-' || g,
          'mobile', case when g % 2 = 0 then '+' else '' end || '9198' || lpad((g % ${MOBILES})::text, 8, '0'),
          'status', 'delivered'),
        now() - make_interval(secs => ${count} - g)
      from generate_series(${start}::int, ${end}::int) g`);
  }
}
