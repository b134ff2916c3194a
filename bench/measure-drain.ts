import type { BenchReceiver } from "./bench-receiver";
import { openEngine } from "./open-engine";
import type { MakeTarget } from "./setup-target";
import { sampleRss } from "./util";

export type Drain = {
  pending: number;
  delivered: number;
  /** False when the drain was cut off at the time limit: the figures are for what arrived. */
  complete: boolean;
  seconds: number;
  deliveriesPerSecond: number;
  duplicates: number;
  insertSeconds: number;
  /** This process: runner, receiver and, for PGlite, the database. */
  rss: { startMb: number; peakMb: number };
};

/**
 * A backlog of `pending` deliveries, ingested (batch API) on a fresh database with the runner
 * stopped, then drained: deliveries/s from runner start to the last arrival.
 */
export async function measureDrain(
  makeTarget: MakeTarget,
  receiver: BenchReceiver,
  pending: number,
  opts: { concurrency: number; maxSeconds: number },
): Promise<Drain> {
  const target = await makeTarget();
  try {
    receiver.forget();
    const engine = await openEngine(target, receiver.url, opts.concurrency);
    const insertStarted = performance.now();
    await engine.ingest(pending);
    const insertSeconds = (performance.now() - insertStarted) / 1000;

    const phase = receiver.newPhase();
    const rss = sampleRss();
    const started = performance.now();
    const drained = receiver.waitFor(pending, opts.maxSeconds * 1000);
    engine.start();
    let complete = false;
    let seconds = 0;
    try {
      complete = await drained;
      seconds = (performance.now() - started) / 1000;
    } finally {
      await engine.stop();
    }
    return {
      pending,
      delivered: phase.arrivals,
      complete,
      seconds,
      deliveriesPerSecond: phase.arrivals / seconds,
      duplicates: phase.duplicates,
      insertSeconds,
      rss: rss.stop(),
    };
  } finally {
    await target.dispose();
  }
}
