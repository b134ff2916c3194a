import http from "node:http";
import type { AddressInfo } from "node:net";

/** A minimal 127.0.0.1 receiver that counts arrivals; cheaper than the test receiver at 20k requests. */
export async function startBenchReceiver() {
  const arrivals = new Map<string, number>(); // webhook-id (or x-seq) → first arrival (performance.now())
  let total = 0;
  let waiters: { n: number; resolve: () => void }[] = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      total++;
      const key = (req.headers["webhook-id"] as string | undefined) ?? (req.headers["x-seq"] as string | undefined);
      if (key && !arrivals.has(key)) arrivals.set(key, performance.now());
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      waiters = waiters.filter((w) => (arrivals.size >= w.n ? (w.resolve(), false) : true));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    arrivals,
    get total() {
      return total;
    },
    reset() {
      arrivals.clear();
      total = 0;
    },
    /** Resolves when n distinct ids arrived; rejects after timeoutMs so the bench always ends. */
    waitFor(n: number, timeoutMs: number) {
      if (arrivals.size >= n) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const t = setTimeout(
          () => reject(new Error(`only ${arrivals.size}/${n} arrived within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({ n, resolve: () => (clearTimeout(t), resolve()) });
      });
    },
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

export type BenchReceiver = Awaited<ReturnType<typeof startBenchReceiver>>;
