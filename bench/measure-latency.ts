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
  const calls: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = t0 + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    const t = performance.now();
    calls.push(engine.ingestOne().then((id) => void startedAt.set(id, t)));
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
  const latencies = rows
    .filter((r) => times.has(r.id))
    .map((r) => times.get(r.id)! - startedAt.get(r.eventId)!)
    .sort((a, b) => a - b);
  return {
    targetRate: rate,
    offeredRate,
    events: total,
    arrived: latencies.length,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
  };
}
