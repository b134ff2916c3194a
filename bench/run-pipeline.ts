import { count, eq, inArray } from "drizzle-orm";
import { deliveries, deliveryAttempts } from "@/db/schema";
import { LocalRunner } from "@/server/delivery/runners/local-runner";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import type { BenchReceiver } from "./bench-receiver";
import { seedBenchAccount, type Target } from "./setup-target";

export type PipelineResult = {
  target: string;
  events: number;
  seconds: number;
  deliveriesPerSecond: number;
  attemptsRecorded: number;
  latency: { rate: number; events: number; p50Ms: number; p99Ms: number };
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

/**
 * Ingestion → local runner → receiver, end to end on one database:
 * 1. throughput: N events ingested in batches of 1,000 while the runner drains them;
 * 2. latency: a steady `rate` events/s, one event per request, ingest call → first byte received.
 */
export async function runPipeline(
  target: Target,
  receiver: BenchReceiver,
  opts: { n: number; concurrency: number; rate: number; latencySeconds: number },
): Promise<PipelineResult> {
  const db = target.handle.db;
  receiver.reset();
  const accountId = await seedBenchAccount(target.handle, receiver.url);
  const runner = new LocalRunner({
    db,
    concurrency: opts.concurrency,
    perEndpoint: opts.concurrency,
    attempt: { allowPrivateNetworks: true },
  });
  runner.start();
  try {
    const started = performance.now();
    for (let i = 0; i < opts.n; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, opts.n - i) }, () => sampleEvent("sms.dlr"));
      await ingestEvents({ db, accountId, runner }, { events: batch });
    }
    await receiver.waitFor(opts.n, 15 * 60_000);
    const seconds = (performance.now() - started) / 1000;
    // Attempts are recorded just after the response, so give the last few a moment (bounded).
    let recorded = 0;
    for (let i = 0; i < 100 && recorded < opts.n; i++) {
      const [row] = await db
        .select({ n: count() })
        .from(deliveryAttempts)
        .where(eq(deliveryAttempts.accountId, accountId));
      recorded = Number(row?.n ?? 0);
      if (recorded < opts.n) await new Promise((r) => setTimeout(r, 50));
    }

    // Steady-rate latency.
    receiver.reset();
    const sentAt = new Map<string, number>(); // event id → ingest call start
    const total = Math.round(opts.rate * opts.latencySeconds);
    const interval = 1000 / opts.rate;
    const t0 = performance.now();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = t0 + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const t = performance.now();
      pending.push(
        ingestEvents({ db, accountId, runner }, sampleEvent("sms.dlr")).then((res) => {
          sentAt.set((res as { id: string }).id, t);
        }),
      );
    }
    await Promise.all(pending);
    await receiver.waitFor(total, 120_000);
    const rows = await db
      .select({ id: deliveries.id, eventId: deliveries.eventId })
      .from(deliveries)
      .where(inArray(deliveries.eventId, [...sentAt.keys()]));
    const latencies = rows.map((r) => receiver.arrivals.get(r.id)! - sentAt.get(r.eventId)!).sort((a, b) => a - b);

    return {
      target: target.name,
      events: opts.n,
      seconds,
      deliveriesPerSecond: opts.n / seconds,
      attemptsRecorded: recorded,
      latency: {
        rate: opts.rate,
        events: total,
        p50Ms: percentile(latencies, 0.5),
        p99Ms: percentile(latencies, 0.99),
      },
    };
  } finally {
    await runner.stop();
  }
}
