/**
 * The drain's runner in a process of its own (forked by measure-drain.ts), so its RSS is the
 * runner's — ingestion, the LocalRunner, the database client and, for PGlite, the database — and
 * not the bench's receiver or the earlier scenarios' leftovers. Messages over the IPC channel:
 * parent → { start } / { stop }; child → { ready, insertSeconds } / { done, rss } / { error }.
 */
import { openDb } from "@/db/client";
import { openEngine } from "./open-engine";
import { pgliteTarget, type Target } from "./setup-target";
import { sampleRss, within } from "./util";

export type DrainRunnerArgs = {
  /** A migrated Postgres database; without it, PGlite in a temporary directory in this process. */
  url?: string;
  receiverUrl: string;
  pending: number;
  concurrency: number;
};

export type DrainRunnerMessage =
  { ready: true; insertSeconds: number } | { done: true; rss: { startMb: number; peakMb: number } } | { error: string };

async function main() {
  const args = JSON.parse(process.argv[2]!) as DrainRunnerArgs;
  const send = (m: DrainRunnerMessage) => process.send!(m);
  const target: Target = args.url
    ? await openPostgres(args.url)
    : await within(pgliteTarget(), 120_000, "drain runner: open database");
  const engine = await openEngine(target, args.receiverUrl, args.concurrency);
  const insertStarted = performance.now();
  // A batch at a time: 100,000 events made at once would sit in this process's RSS.
  for (let i = 0; i < args.pending; i += 1000)
    await engine.ingest(engine.eventBatches(Math.min(1000, args.pending - i)));
  let rss: ReturnType<typeof sampleRss> | null = null;
  process.on("message", async (m: { start?: true; stop?: true }) => {
    try {
      if (m.start) {
        rss = sampleRss();
        engine.start();
      } else if (m.stop) {
        await engine.stop();
        const figures = rss?.stop() ?? { startMb: 0, peakMb: 0 };
        await target.dispose();
        send({ done: true, rss: figures });
        process.disconnect();
      }
    } catch (err) {
      send({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
  send({ ready: true, insertSeconds: (performance.now() - insertStarted) / 1000 });
}

async function openPostgres(url: string): Promise<Target> {
  const handle = await within(openDb({ url, migrate: false }), 120_000, "drain runner: open database");
  return { name: handle.driver, handle, dispose: () => handle.close() };
}

main().catch((err) => {
  process.send?.({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exitCode = 1;
});
