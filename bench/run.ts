import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sampleEvent } from "@/server/events/catalog";
import { startBenchReceiver } from "./bench-receiver";
import { measureCeiling } from "./measure-ceiling";
import { runPipeline, type PipelineResult } from "./run-pipeline";
import { pgliteTarget, postgresTarget, type Target } from "./setup-target";

/**
 * `npm run bench`: deliveries/s through ingestion → local runner → a receiver on 127.0.0.1, on
 * PGlite and on Postgres (BENCH_DATABASE_URL, or the local server when it answers), against a
 * bare undici loop at the same concurrency measured in the same process (the ceiling). Figures
 * are ratios to that ceiling, so they compare across machines. Bounded: every wait has a limit.
 */
const N = Number(process.env.BENCH_N ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 10);
const PG_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function main() {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const receiver = await startBenchReceiver();
  const body = JSON.stringify({
    id: "evt_x",
    type: "sms.dlr",
    timestamp: new Date().toISOString(),
    data: sampleEvent("sms.dlr").data,
  });

  console.log(`Ceiling: ${N} requests, bare undici, concurrency ${CONCURRENCY}…`);
  const ceiling = await measureCeiling(receiver, N, CONCURRENCY, body);

  const results: (PipelineResult & { ratio: number })[] = [];
  const targets: (() => Promise<Target | null>)[] = [pgliteTarget, () => postgresTarget(PG_URL)];
  for (const make of targets) {
    const target = await make();
    if (!target) {
      console.log(`PostgreSQL at ${PG_URL} did not answer: skipped.`);
      continue;
    }
    console.log(`${target.name}: ${N} events…`);
    try {
      const r = await runPipeline(target, receiver, {
        n: N,
        concurrency: CONCURRENCY,
        rate: RATE,
        latencySeconds: LATENCY_SECONDS,
      });
      results.push({ ...r, ratio: r.deliveriesPerSecond / ceiling.perSecond });
    } finally {
      await target.dispose();
    }
  }
  clearInterval(sampler);
  await receiver.close();

  const report = {
    at: new Date().toISOString(),
    node: process.version,
    events: N,
    concurrency: CONCURRENCY,
    ceiling: { perSecond: Math.round(ceiling.perSecond) },
    results: results.map((r) => ({
      target: r.target,
      deliveriesPerSecond: Math.round(r.deliveriesPerSecond),
      ratioToCeiling: Number(r.ratio.toFixed(3)),
      attemptsRecorded: r.attemptsRecorded,
      everyAttemptRecorded: r.attemptsRecorded === r.events,
      latencyAtRate: {
        eventsPerSecond: r.latency.rate,
        events: r.latency.events,
        p50Ms: Number(r.latency.p50Ms.toFixed(1)),
        p99Ms: Number(r.latency.p99Ms.toFixed(1)),
      },
    })),
    peakRssMb: Math.round(peakRss / 1024 / 1024),
  };
  const out = path.join(process.cwd(), "bench", "results");
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, "latest.json"), JSON.stringify(report, null, 2));

  console.log(`\nCeiling (bare undici, concurrency ${CONCURRENCY}): ${report.ceiling.perSecond} req/s`);
  console.table(
    report.results.map((r) => ({
      target: r.target,
      "deliveries/s": r.deliveriesPerSecond,
      "ratio to ceiling": r.ratioToCeiling,
      "all attempts recorded": r.everyAttemptRecorded,
      [`p50 ms @${RATE}/s`]: r.latencyAtRate.p50Ms,
      [`p99 ms @${RATE}/s`]: r.latencyAtRate.p99Ms,
    })),
  );
  console.log(`Peak RSS: ${report.peakRssMb} MB. Written to bench/results/latest.json`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
