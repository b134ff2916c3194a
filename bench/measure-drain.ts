import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { BenchReceiver } from "./bench-receiver";
import type { DrainRunnerArgs, DrainRunnerMessage } from "./drain-runner";
import type { MakeTarget } from "./setup-target";
import { within } from "./util";

export type Drain = {
  pending: number;
  delivered: number;
  /** False when the drain was cut off at the time limit: the figures are for what arrived. */
  complete: boolean;
  seconds: number;
  deliveriesPerSecond: number;
  duplicates: number;
  insertSeconds: number;
  /** The runner's process alone (ingestion, runner, database client; for PGlite, the database). */
  rss: { startMb: number; peakMb: number };
};

/**
 * A backlog of `pending` deliveries, ingested (batch API) on a fresh database by a runner in a
 * process of its own (bench/drain-runner.ts) while its runner is stopped, then drained to this
 * process's receiver: deliveries/s from runner start to the last arrival, and the runner process's
 * RSS meanwhile.
 */
export async function measureDrain(
  makeTarget: MakeTarget,
  receiver: BenchReceiver,
  pending: number,
  opts: { concurrency: number; maxSeconds: number },
): Promise<Drain> {
  const target = await makeTarget();
  // PGlite lives in the runner's process: this one's copy is not used.
  if (!target.url) await target.dispose();
  const child = startRunner({ url: target.url, receiverUrl: receiver.url, pending, concurrency: opts.concurrency });
  try {
    receiver.forget();
    const ready = await within(child.next("ready"), 600_000, "drain runner: ingest");
    const phase = receiver.newPhase();
    const started = performance.now();
    const drained = receiver.waitFor(pending, opts.maxSeconds * 1000);
    child.process.send({ start: true });
    const complete = await drained;
    const seconds = (performance.now() - started) / 1000;
    child.process.send({ stop: true });
    const done = await within(child.next("done"), 120_000, "drain runner: stop");
    return {
      pending,
      delivered: phase.arrivals,
      complete,
      seconds,
      deliveriesPerSecond: phase.arrivals / seconds,
      duplicates: phase.duplicates,
      insertSeconds: "insertSeconds" in ready ? ready.insertSeconds : 0,
      rss: "rss" in done ? done.rss : { startMb: 0, peakMb: 0 },
    };
  } finally {
    child.process.kill();
    if (target.url) await target.dispose();
  }
}

function startRunner(args: DrainRunnerArgs) {
  const file = fileURLToPath(new URL("./drain-runner.ts", import.meta.url));
  const proc: ChildProcess = fork(file, [JSON.stringify(args)], {
    execArgv: ["--import", "tsx", "--expose-gc"],
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  const inbox: DrainRunnerMessage[] = [];
  const waiting: (() => void)[] = [];
  proc.on("message", (m: DrainRunnerMessage) => {
    inbox.push(m);
    waiting.splice(0).forEach((w) => w());
  });
  const exited = new Promise<never>((_, reject) =>
    proc.on("exit", (code) => reject(new Error(`drain runner exited (code ${code})`))),
  );
  exited.catch(() => {});
  return {
    process: proc,
    /** The next message of that kind; an { error } message or an exit rejects. */
    async next(kind: "ready" | "done"): Promise<DrainRunnerMessage> {
      for (;;) {
        const i = inbox.findIndex((m) => kind in m || "error" in m);
        if (i >= 0) {
          const m = inbox.splice(i, 1)[0]!;
          if ("error" in m) throw new Error(`drain runner: ${m.error}`);
          return m;
        }
        await Promise.race([new Promise<void>((r) => waiting.push(r)), exited]);
      }
    },
  };
}
