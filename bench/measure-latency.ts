import { inArray } from "drizzle-orm";
import { deliveries } from "@/db/schema";
import type { BenchReceiver } from "./bench-receiver";
import type { Engine } from "./open-engine";
import { percentile, sleep, within } from "./util";

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
};

/**
 * A steady rate of single-event ingest calls, not waiting for one to finish before the next is
 * due; latency is ingest call start → the delivery's first arrival at the receiver.
 */
export async function measureLatency(
  engine: Engine,
  receiver: BenchReceiver,
  rate: number,
  seconds: number,
): Promise<Latency> {
  const phase = receiver.newPhase({ times: true });
  const total = Math.round(rate * seconds);
  const arrived = receiver.waitFor(total, seconds * 1000 + 120_000);
  const startedAt = new Map<string, number>(); // event id → ingest call start
  const acceptedAt = new Map<string, number>(); // event id → ingest call end
  const calls: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = t0 + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    const t = performance.now();
    calls.push(
      engine.ingestOne().then((id) => {
        startedAt.set(id, t);
        acceptedAt.set(id, performance.now());
      }),
    );
  }
  const offeredRate = total / ((performance.now() - t0) / 1000);
  await within(Promise.all(calls), 120_000, "latency ingest calls");
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
  };
}
