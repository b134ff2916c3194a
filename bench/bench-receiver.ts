import http from "node:http";
import type { AddressInfo } from "node:net";

type Phase = { requests: number; arrivals: number; duplicates: number; times: Map<string, number> | null };

/**
 * A minimal 127.0.0.1 receiver, cheaper than the test receiver at 100k requests. An arrival is a
 * `webhook-id` not seen before; a re-send of a seen id (a retry, a lease that ran out) is a
 * duplicate, even when it lands in a later phase. Requests without the header (the ceiling loop)
 * only count as requests.
 */
export async function startBenchReceiver() {
  const seen = new Set<string>();
  let idRequests = 0;
  let duplicatesTotal = 0;
  let phase: Phase = { requests: 0, arrivals: 0, duplicates: 0, times: null };
  let waiter: { n: number; resolve: (reached: boolean) => void } | null = null;

  const server = http.createServer((req, res) => {
    const at = performance.now();
    phase.requests++;
    const id = req.headers["webhook-id"];
    if (typeof id === "string") {
      idRequests++;
      if (seen.has(id)) {
        phase.duplicates++;
        duplicatesTotal++;
      } else {
        seen.add(id);
        phase.arrivals++;
        phase.times?.set(id, at);
        if (waiter && phase.arrivals >= waiter.n) waiter.resolve(true);
      }
    }
    req.resume();
    req.on("end", () => res.writeHead(200, { "content-type": "text/plain" }).end("ok"));
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/hook`,
    /** Starts counting afresh; `times` keeps each arrival's performance.now() (latency runs). */
    newPhase(opts: { times?: boolean } = {}) {
      phase = { requests: 0, arrivals: 0, duplicates: 0, times: opts.times ? new Map() : null };
      return phase;
    },
    /** Forgets the ids seen: call when switching to a new database, whose ids cannot repeat. */
    forget() {
      seen.clear();
      idRequests = 0;
      duplicatesTotal = 0;
    },
    get totals() {
      return { idRequests, duplicates: duplicatesTotal };
    },
    /** Resolves true once n arrivals are in this phase, or false after timeoutMs. */
    waitFor(n: number, timeoutMs: number): Promise<boolean> {
      if (phase.arrivals >= n) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const done = (reached: boolean) => {
          clearTimeout(timer);
          waiter = null;
          resolve(reached);
        };
        const timer = setTimeout(() => done(false), timeoutMs);
        waiter = { n, resolve: done };
      });
    },
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

export type BenchReceiver = Awaited<ReturnType<typeof startBenchReceiver>>;
