import type { Db } from "@/db";
import { runHousekeeping } from "@/server/maintenance/run-housekeeping";
import { LocalRunner } from "./local-runner";

const HOUR_MS = 3600_000;

// On globalThis so Next's dev reloads (which re-evaluate modules) keep one runner per process.
const g = globalThis as unknown as { __hooklineLocalRunner?: { runner: LocalRunner; stop: () => Promise<void> } };

/**
 * Starts the in-process runner once per process (instrumentation.ts calls this in the Node
 * runtime when DELIVERY_RUNNER=local), with hourly housekeeping (old delivery attempts, stale sign-in failures) and
 * a graceful stop on SIGTERM/SIGINT: claiming stops and in-flight attempts finish.
 */
export function startLocalRunnerOnce(db: Db): LocalRunner {
  if (g.__hooklineLocalRunner) return g.__hooklineLocalRunner.runner;
  const runner = new LocalRunner({ db });
  runner.start();

  const housekeeping = () => runHousekeeping(db).catch((err) => console.error("[hookline] housekeeping failed:", err));
  const first = setTimeout(housekeeping, 60_000);
  const hourly = setInterval(housekeeping, HOUR_MS);
  first.unref();
  hourly.unref();

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      clearTimeout(first);
      clearInterval(hourly);
      await runner.stop();
    })();
    return stopping;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    void stop().finally(() => {
      process.off(signal, onSignal);
      process.kill(process.pid, signal);
    });
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
  g.__hooklineLocalRunner = { runner, stop };
  return runner;
}
