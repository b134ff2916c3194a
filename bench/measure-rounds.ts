import type { BackendCpu, BackendCpuProbe } from "./backend-cpu";
import { performance } from "node:perf_hooks";
import type { BenchReceiver } from "./bench-receiver";
import { deliveryTimeoutMs, type BenchConfig } from "./config";
import { machineIdleSince, sampleMachineCpu } from "./machine-cpu";
import { measureCeiling, type Ceiling } from "./measure-ceiling";
import type { Engine } from "./open-engine";
import { cpuSince, percent } from "./util";

export type EngineRun = {
  deliveriesPerSecond: number;
  nodeCpuUsPerDelivery: number;
  /** Share of the run the Node event loop was busy (the engine's sends, claims and records share it). */
  eventLoopBusy: number;
  /** Share of all cores' time that was idle during the run (Linux); null elsewhere. */
  machineIdle: number | null;
  /** Null on PGlite (it runs inside Node) or when the server's processes are not readable. */
  db: (BackendCpu & { cpuUsPerDelivery: number }) | null;
};
export type Round = { ceilingBefore: Ceiling; engine: EngineRun; ceilingAfter: Ceiling; ratio: number };

/**
 * Interleaved rounds: ceiling, engine, ceiling. Each engine run is divided by the mean of the
 * two ceilings around it, so a machine that speeds up or slows down during the bench (shared
 * cores) moves both sides of the ratio.
 */
export async function measureRounds(
  engine: Engine,
  receiver: BenchReceiver,
  probe: BackendCpuProbe | null,
  cfg: Pick<BenchConfig, "n" | "rounds" | "concurrency">,
  body: string,
): Promise<Round[]> {
  // Untimed: opens the runner's connections, fills the database pool and warms the JIT on both paths.
  await engineRun(engine, receiver, null, Math.min(cfg.n, 1000));
  await measureCeiling(receiver, Math.min(cfg.n, 2000), cfg.concurrency, body);
  const rounds: Round[] = [];
  for (let i = 1; i <= cfg.rounds; i++) {
    const ceilingBefore = await measureCeiling(receiver, cfg.n, cfg.concurrency, body);
    const run = await engineRun(engine, receiver, probe, cfg.n);
    const ceilingAfter = await measureCeiling(receiver, cfg.n, cfg.concurrency, body);
    const ratio = run.deliveriesPerSecond / ((ceilingBefore.perSecond + ceilingAfter.perSecond) / 2);
    rounds.push({ ceilingBefore, engine: run, ceilingAfter, ratio });
    console.log(
      `  round ${i}/${cfg.rounds}: ceiling ${Math.round(ceilingBefore.perSecond)} → engine ` +
        `${Math.round(run.deliveriesPerSecond)}/s → ceiling ${Math.round(ceilingAfter.perSecond)} req/s; ` +
        `ratio ${ratio.toFixed(3)}; event loop busy ${percent(run.eventLoopBusy)}, machine idle ${percent(run.machineIdle)}`,
    );
  }
  return rounds;
}

/** N events (made before the clock starts) ingested in batches of 1,000 while the running runner drains them. */
async function engineRun(engine: Engine, receiver: BenchReceiver, probe: BackendCpuProbe | null, n: number) {
  const batches = engine.eventBatches(n);
  const phase = receiver.newPhase();
  const dbBefore = probe ? await probe.sample() : null;
  const machine = sampleMachineCpu();
  const loop = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const arrived = receiver.waitFor(n, deliveryTimeoutMs(n));
  await engine.ingest(batches);
  if (!(await arrived)) throw new Error(`engine run: only ${phase.arrivals} of ${n} deliveries arrived in time`);
  const seconds = (performance.now() - started) / 1000;
  const nodeCpuUs = cpuSince(cpu);
  const eventLoopBusy = performance.eventLoopUtilization(loop).utilization;
  const machineIdle = machineIdleSince(machine);
  const db = probe ? probe.diff(dbBefore, await probe.sample()) : null;
  return {
    deliveriesPerSecond: n / seconds,
    nodeCpuUsPerDelivery: nodeCpuUs / n,
    eventLoopBusy,
    machineIdle,
    db: db && { ...db, cpuUsPerDelivery: (db.seconds * 1e6) / n },
  } satisfies EngineRun;
}
