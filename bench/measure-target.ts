import { openBackendCpuProbe } from "./backend-cpu";
import type { BenchReceiver } from "./bench-receiver";
import type { BenchConfig } from "./config";
import { measureDrain, type Drain } from "./measure-drain";
import { measureLatency, type Latency } from "./measure-latency";
import { measureRounds, type Round } from "./measure-rounds";
import { openEngine } from "./open-engine";
import type { MakeTarget } from "./setup-target";

export type TargetResult = {
  target: string;
  driver: "pglite" | "postgres";
  rounds: Round[];
  latency: Latency;
  /** Over the rounds and the latency run: requests carrying a webhook-id, re-sends among them. */
  requests: number;
  duplicates: number;
  attemptsRecorded: number;
  drains: { small: Drain; large: Drain };
};

/** Every scenario on one kind of database: rounds and latency on one database, each drain on a fresh one. */
export async function measureTarget(
  make: MakeTarget,
  receiver: BenchReceiver,
  cfg: BenchConfig,
  body: string,
  largeBacklog: number,
): Promise<TargetResult> {
  const target = await make();
  let main: Omit<TargetResult, "drains">;
  try {
    receiver.forget();
    const engine = await openEngine(target, receiver.url, cfg.concurrency);
    const probe = target.url ? await openBackendCpuProbe(target.url) : null;
    engine.start();
    let rounds: Round[];
    let latency: Latency;
    try {
      console.log(`  ${cfg.rounds} round(s) of ${cfg.n} events, concurrency ${cfg.concurrency}`);
      rounds = await measureRounds(engine, receiver, probe, cfg, body);
      console.log(`  latency: ${cfg.rate} events/s for ${cfg.latencySeconds} s`);
      latency = await measureLatency(engine, receiver, cfg.rate, cfg.latencySeconds);
    } finally {
      await engine.stop();
      await probe?.close();
    }
    const { idRequests, duplicates } = receiver.totals;
    const attemptsRecorded = await engine.attemptsRecorded(idRequests);
    main = {
      target: target.name,
      driver: target.handle.driver,
      rounds,
      latency,
      requests: idRequests,
      duplicates,
      attemptsRecorded,
    };
  } finally {
    await target.dispose();
  }

  const drainOpts = { concurrency: cfg.concurrency, maxSeconds: cfg.drainMaxSeconds };
  console.log(`  drain: ${cfg.smallBacklog} pending`);
  const small = await measureDrain(make, receiver, cfg.smallBacklog, drainOpts);
  console.log(`  drain: ${largeBacklog} pending (limit ${cfg.drainMaxSeconds} s)`);
  const large = await measureDrain(make, receiver, largeBacklog, drainOpts);
  return { ...main, drains: { small, large } };
}
