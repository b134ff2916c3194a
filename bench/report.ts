import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { redactUrl, type BenchConfig } from "./config";
import type { OrderingResult } from "./measure-ordering";
import type { TargetResult } from "./measure-target";
import { fixed, median, percent, spread } from "./util";

/** The figures per target that the table and the JSON summary show. */
export function summarize(r: TargetResult) {
  const ratios = spread(r.rounds.map((x) => x.ratio));
  const perSecond = spread(r.rounds.map((x) => x.engine.deliveriesPerSecond));
  const dbCpu = r.rounds.map((x) => x.engine.db?.cpuUsPerDelivery);
  const machineIdle = r.rounds.map((x) => x.engine.machineIdle);
  const { small, large } = r.drains;
  return {
    ceilingPerSecond: fixed(median(r.rounds.map((x) => (x.ceilingBefore.perSecond + x.ceilingAfter.perSecond) / 2))),
    deliveriesPerSecond: { median: fixed(perSecond.median), min: fixed(perSecond.min), max: fixed(perSecond.max) },
    ratioToCeiling: { median: fixed(ratios.median, 3), min: fixed(ratios.min, 3), max: fixed(ratios.max, 3) },
    nodeCpuUsPerDelivery: fixed(median(r.rounds.map((x) => x.engine.nodeCpuUsPerDelivery))),
    ceilingCpuUsPerRequest: fixed(
      median(r.rounds.flatMap((x) => [x.ceilingBefore, x.ceilingAfter].map((c) => c.cpuUsPerRequest))),
    ),
    eventLoopBusy: fixed(median(r.rounds.map((x) => x.engine.eventLoopBusy)), 2),
    machineIdle: machineIdle.every((x) => x !== null) ? fixed(median(machineIdle as number[]), 2) : null,
    dbCpuUsPerDelivery: dbCpu.every((x) => x !== undefined) ? fixed(median(dbCpu as number[])) : null,
    duplicates: r.duplicates + small.duplicates + large.duplicates,
    attemptsRecorded: r.attemptsRecorded,
    requests: r.requests,
    latency: {
      ...r.latency,
      offeredRate: fixed(r.latency.offeredRate),
      p50Ms: fixed(r.latency.p50Ms, 1),
      p99Ms: fixed(r.latency.p99Ms, 1),
      ingestCall: { p50Ms: fixed(r.latency.ingestCall.p50Ms, 1), p99Ms: fixed(r.latency.ingestCall.p99Ms, 1) },
      acceptedToArrival: {
        p50Ms: fixed(r.latency.acceptedToArrival.p50Ms, 1),
        p99Ms: fixed(r.latency.acceptedToArrival.p99Ms, 1),
      },
      commitFloor: {
        calls: r.latency.commitFloor.calls,
        p50Ms: fixed(r.latency.commitFloor.p50Ms, 1),
        p99Ms: fixed(r.latency.commitFloor.p99Ms, 1),
      },
      warmUp: {
        calls: r.latency.warmUp.calls,
        p99Ms: fixed(r.latency.warmUp.p99Ms, 1),
        maxMs: fixed(r.latency.warmUp.maxMs, 1),
      },
    },
    drainSmall: {
      pending: small.pending,
      perSecond: fixed(small.deliveriesPerSecond),
      seconds: fixed(small.seconds, 1),
      complete: small.complete,
    },
    drainLarge: {
      pending: large.pending,
      delivered: large.delivered,
      perSecond: fixed(large.deliveriesPerSecond),
      seconds: fixed(large.seconds, 1),
      complete: large.complete,
      insertSeconds: fixed(large.insertSeconds, 1),
    },
    drainRateRatio: fixed(large.deliveriesPerSecond / small.deliveriesPerSecond, 2),
    drainRss: large.rss,
  };
}

type Summary = ReturnType<typeof summarize>;
const int = (x: number | null) => (x === null ? "—" : x.toLocaleString("en-US"));

const ROWS: [string, (s: Summary, r: TargetResult) => string][] = [
  [
    "deliveries/s (median of rounds)",
    (s) => `${int(s.deliveriesPerSecond.median)} (${int(s.deliveriesPerSecond.min)}–${int(s.deliveriesPerSecond.max)})`,
  ],
  ["ceiling req/s (bare undici, same process)", (s) => int(s.ceilingPerSecond)],
  [
    "ratio to ceiling, median (min–max)",
    (s) => `${s.ratioToCeiling.median} (${s.ratioToCeiling.min}–${s.ratioToCeiling.max})`,
  ],
  [
    "Node CPU µs/delivery",
    (s, r) => int(s.nodeCpuUsPerDelivery) + (r.driver === "pglite" ? " (includes the database)" : ""),
  ],
  ["ceiling Node CPU µs/request", (s) => int(s.ceilingCpuUsPerRequest)],
  [
    "database CPU µs/delivery",
    (s, r) =>
      r.driver === "pglite"
        ? "in Node (in-process)"
        : s.dbCpuUsPerDelivery === null
          ? "not readable"
          : int(s.dbCpuUsPerDelivery),
  ],
  [
    "Node event loop busy / machine idle, engine rounds",
    (s) => `${percent(s.eventLoopBusy)} / ${s.machineIdle === null ? "not readable" : percent(s.machineIdle)}`,
  ],
  ["duplicate arrivals (must be 0)", (s) => int(s.duplicates)],
  ["attempts recorded / requests received", (s) => `${int(s.attemptsRecorded)} / ${int(s.requests)}`],
  [
    "ingest→receive p50 / p99 ms",
    (s) =>
      `${s.latency.p50Ms} / ${s.latency.p99Ms} at ${int(s.latency.offeredRate)}/s` +
      (s.latency.arrived < s.latency.events ? ` (${s.latency.arrived} of ${s.latency.events} arrived)` : ""),
  ],
  [
    "… of which the ingest call (insert + commit) / accepted→receive, p50 / p99 ms",
    (s) =>
      `${s.latency.ingestCall.p50Ms} / ${s.latency.ingestCall.p99Ms}; ` +
      `${s.latency.acceptedToArrival.p50Ms} / ${s.latency.acceptedToArrival.p99Ms}`,
  ],
  [
    "… the machine's floor: bare one-row commits alongside (half the rate), p50 / p99 ms",
    ({ latency: { commitFloor: f } }) => `${f.p50Ms} / ${f.p99Ms}`,
  ],
  [
    "… the untimed first second before it (cold connections), ingest call p99 / max ms",
    ({ latency: { warmUp: w } }) => `${w.p99Ms} / ${w.maxMs}`,
  ],
  ["drain, 1k pending: deliveries/s", (s) => int(s.drainSmall.perSecond)],
  [
    "drain, large backlog: deliveries/s",
    (s) =>
      `${int(s.drainLarge.perSecond)} (${int(s.drainLarge.pending)} pending, ${s.drainLarge.seconds} s${s.drainLarge.complete ? "" : `, cut off: ${int(s.drainLarge.delivered)} delivered`})`,
  ],
  ["drain rate, large ÷ 1k", (s) => String(s.drainRateRatio)],
  ["runner process RSS during large drain, start → peak MB", (s) => `${s.drainRss.startMb} → ${s.drainRss.peakMb}`],
];

export function markdownTable(results: TargetResult[]) {
  const cols = ["pglite", "postgres"].map((d) => results.find((r) => r.driver === d));
  const lines = ["| figure | PGlite | PostgreSQL |", "|---|---|---|"];
  for (const [label, cell] of ROWS)
    lines.push(`| ${label} | ${cols.map((r) => (r ? cell(summarize(r), r) : "skipped")).join(" | ")} |`);
  return lines.join("\n");
}

export function writeReport(
  cfg: BenchConfig,
  results: TargetResult[],
  notes: string[],
  ordering: OrderingResult[] = [],
) {
  const at = new Date().toISOString();
  const report = {
    at,
    node: process.version,
    config: { ...cfg, pgUrl: redactUrl(cfg.pgUrl) },
    notes,
    summary: Object.fromEntries(results.map((r) => [r.driver, summarize(r)])),
    results,
    ordering,
  };
  const dir = path.join(process.cwd(), "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${at.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2));
  return path.relative(process.cwd(), file);
}
