import { inArray } from "drizzle-orm";
import { deliveries } from "@/db/schema";
import type { BenchReceiver } from "./bench-receiver";
import type { Engine } from "./open-engine";
import { measureCommitFloor, type CommitFloor } from "./measure-commit-floor";
import { paceCalls, sortedDurations } from "./pace-calls";
import { percentile, within } from "./util";

export type Latency = {
  targetRate: number;
  /** The rate the ingest calls actually started at (the loop falls behind on a busy machine). */
  offeredRate: number;
  events: number;
  arrived: number;
  p50Ms: number;
  p99Ms: number;
  /**
   * The same split in two: the ingest call (its insert and commit; the sender waits for this) and
   * accepted → arrival (the runner). A p99 made by the first is the database's commit, not the engine.
   */
  ingestCall: { p50Ms: number; p99Ms: number };
  acceptedToArrival: { p50Ms: number; p99Ms: number };
  /** Bare one-row commits at half the rate, alongside the ingest calls. */
  commitFloor: CommitFloor;
  /** The untimed first second at the same rate (the pool's cold connections), shown, not counted. */
  warmUp: { calls: number; p99Ms: number; maxMs: number };
};

/**
 * The pool opens connections as concurrency rises; a fresh backend plans the single-event
 * statements with cold caches. After the rounds (batch ingestion, few connections) the first ~40
 * single-event calls took 100–240 ms, the bare commits beside them as long (queued on the same
 * connections), and the next ones 2–3 ms: a process's first moment, not the steady state.
 */
const WARM_UP_SECONDS = 1;

/**
 * A steady rate of single-event ingest calls, not waiting for one to finish before the next is
 * due; latency is ingest call start → the delivery's first arrival at the receiver. Bare commits
 * alongside (measure-commit-floor.ts) show what the machine allowed in the same seconds.
 */
export async function measureLatency(
  engine: Engine,
  receiver: BenchReceiver,
  rate: number,
  seconds: number,
): Promise<Latency> {
  const warmUp = await ingestUntimed(engine, receiver, rate, Math.round(rate * WARM_UP_SECONDS));
  const phase = receiver.newPhase({ times: true });
  const total = Math.round(rate * seconds);
  const arrived = receiver.waitFor(total, seconds * 1000 + 120_000);
  const floor = measureCommitFloor(engine.db, rate / 2, seconds);
  const { offeredRate, calls } = await paceCalls(rate, total, () => engine.ingestOne());
  const done = await within(Promise.all(calls), 120_000, "latency ingest calls");
  const startedAt = new Map(done.map((c) => [c.value, c.startedAt])); // event id → ingest call start
  const acceptedAt = new Map(done.map((c) => [c.value, c.endedAt])); // event id → ingest call end
  await arrived; // false after the limit: the latencies of what arrived are reported, with the count

  // The delivery id is the webhook-id the receiver saw.
  const rows = await within(
    engine.db
      .select({ id: deliveries.id, eventId: deliveries.eventId })
      .from(deliveries)
      .where(inArray(deliveries.eventId, [...startedAt.keys()])),
    60_000,
    "delivery ids",
  );
  const times = phase.times!;
  const arrivedRows = rows.filter((r) => times.has(r.id));
  const sorted = (f: (r: (typeof rows)[number]) => number) => arrivedRows.map(f).sort((a, b) => a - b);
  const p50p99 = (list: number[]) => ({ p50Ms: percentile(list, 0.5), p99Ms: percentile(list, 0.99) });
  const latencies = sorted((r) => times.get(r.id)! - startedAt.get(r.eventId)!);
  return {
    targetRate: rate,
    offeredRate,
    events: total,
    arrived: latencies.length,
    ...p50p99(latencies),
    ingestCall: p50p99(sorted((r) => acceptedAt.get(r.eventId)! - startedAt.get(r.eventId)!)),
    acceptedToArrival: p50p99(sorted((r) => times.get(r.id)! - acceptedAt.get(r.eventId)!)),
    commitFloor: await floor,
    warmUp,
  };
}

async function ingestUntimed(engine: Engine, receiver: BenchReceiver, rate: number, total: number) {
  receiver.newPhase();
  const arrived = receiver.waitFor(total, 120_000);
  const floor = measureCommitFloor(engine.db, rate / 2, total / rate); // warms its statement too
  const { calls } = await paceCalls(rate, total, () => engine.ingestOne());
  const ms = sortedDurations(await within(Promise.all(calls), 120_000, "warm-up ingest calls"));
  await Promise.all([floor, arrived]);
  return { calls: total, p99Ms: percentile(ms, 0.99), maxMs: ms.at(-1) ?? NaN };
}
