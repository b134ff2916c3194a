import type { Db } from "@/db";
import { pruneAttempts, retentionCutoff } from "@/server/delivery/engine/prune-attempts";
import { getEnv } from "@/server/env";
import { LocalRunner } from "./local-runner";

const DAY_MS = 24 * 3600_000;

// On globalThis so Next's dev reloads (which re-evaluate modules) keep one runner per process.
const g = globalThis as unknown as { __hooklineLocalRunner?: { runner: LocalRunner; stop: () => Promise<void> } };

/**
 * Starts the in-process runner once per process (instrumentation.ts calls this in the Node
 * runtime when DELIVERY_RUNNER=local), with a daily retention prune of old delivery attempts and
 * a graceful stop on SIGTERM/SIGINT: claiming stops and in-flight attempts finish.
 */
export function startLocalRunnerOnce(db: Db): LocalRunner {
  if (g.__hooklineLocalRunner) return g.__hooklineLocalRunner.runner;
  const runner = new LocalRunner({ db });
  runner.start();

  const prune = () =>
    pruneAttempts(db, retentionCutoff(getEnv().RETENTION_DAYS)).catch((err) =>
      console.error("[hookline] retention prune failed:", err),
    );
  const first = setTimeout(prune, 60_000);
  const daily = setInterval(prune, DAY_MS);
  first.unref();
  daily.unref();

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      clearTimeout(first);
      clearInterval(daily);
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

/** Stops the process's local runner, if one was started (tests, shutdown hooks). */
export async function stopLocalRunner() {
  const current = g.__hooklineLocalRunner;
  g.__hooklineLocalRunner = undefined;
  await current?.stop();
}
