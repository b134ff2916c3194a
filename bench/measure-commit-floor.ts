import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import { sampleEvent } from "@/server/events/catalog";
import { newId } from "@/server/lib/ids";
import { paceCalls, sortedDurations } from "./pace-calls";
import { percentile, within } from "./util";

export type CommitFloor = { calls: number; p50Ms: number; p99Ms: number };

/**
 * The machine's floor for the latency run: one-row inserts (an event's data as jsonb), each its
 * own durable commit, through the same pool, in the same seconds as the ingest calls. A stall
 * that shows here too (a WAL flush waiting on the disk, the cores taken by another process) is
 * the machine's; one that shows only in the ingest calls is the engine's. The table is the
 * bench's own, in its throwaway database.
 */
export async function measureCommitFloor(db: Db, rate: number, seconds: number): Promise<CommitFloor> {
  await queryRows(db, sql`create table if not exists bench_commit_floor (id text primary key, data jsonb not null)`);
  const data = JSON.stringify(sampleEvent("sms.dlr").data);
  const { calls } = await paceCalls(rate, Math.round(rate * seconds), () =>
    queryRows(db, sql`insert into bench_commit_floor (id, data) values (${newId("evt")}, ${data}::jsonb)`, {
      prepare: true,
    }),
  );
  const done = await within(Promise.all(calls), 120_000, "commit floor calls");
  const ms = sortedDurations(done);
  return { calls: ms.length, p50Ms: percentile(ms, 0.5), p99Ms: percentile(ms, 0.99) };
}
