import type dns from "node:dns";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedRequest = {
  method: string;
  /** Path and query as sent, e.g. `/hook?a=1`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The client's port: equal across requests when a keep-alive connection was reused. */
  remotePort: number;
  /** process.hrtime in milliseconds, for measuring gaps between requests. */
  receivedAt: number;
};

export type ReceiverResponse = {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Wait this long before answering (to provoke timeouts). */
  delayMs?: number;
};

export type ReceiverHandler = (
  req: ReceivedRequest,
  index: number,
) => ReceiverResponse | void | Promise<ReceiverResponse | void>;

export type ReceiverOptions = { host?: string; handler?: ReceiverHandler };

export type Receiver = {
  /** Base URL, e.g. `http://127.0.0.1:41234` or `http://[::1]:41234` (no trailing slash). */
  url: string;
  host: string;
  port: number;
  requests: ReceivedRequest[];
  /** Default answer for every request from now on (the handler, when given, wins). */
  respondWith(response: ReceiverResponse | ReceiverHandler): void;
  /** Answer the next request(s) with these, in order, before falling back to the default. */
  respondOnce(...responses: ReceiverResponse[]): void;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
};

/**
 * A real HTTP server for delivery tests. Records every request and answers 200 "ok" unless
 * told otherwise. Listens on 127.0.0.1 (or `host`) on a free port.
 */
export async function startReceiver(handlerOrOptions?: ReceiverHandler | ReceiverOptions): Promise<Receiver> {
  const options: ReceiverOptions =
    typeof handlerOrOptions === "function" ? { handler: handlerOrOptions } : (handlerOrOptions ?? {});
  const host = options.host ?? "127.0.0.1";
  const requests: ReceivedRequest[] = [];
  const queued: ReceiverResponse[] = [];
  let fallback: ReceiverResponse | ReceiverHandler = options.handler ?? { status: 200, body: "ok" };
  const waiters = new Set<() => void>();
  const timers = new Set<NodeJS.Timeout>();

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const received: ReceivedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        remotePort: req.socket.remotePort ?? 0,
        receivedAt: Number(process.hrtime.bigint()) / 1e6,
      };
      const index = requests.push(received) - 1;
      for (const wake of waiters) wake();

      let answer: ReceiverResponse = {};
      try {
        const next = queued.shift() ?? fallback;
        answer = (typeof next === "function" ? await next(received, index) : next) ?? {};
      } catch (err) {
        answer = { status: 500, body: String(err) };
      }
      const send = () => {
        if (res.destroyed) return;
        res.statusCode = answer.status ?? 200;
        for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
        res.end(answer.body ?? "");
      };
      if (answer.delayMs) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          send();
        }, answer.delayMs);
        timers.add(timer);
      } else {
        send();
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    host,
    port,
    requests,
    respondWith(response) {
      fallback = response;
    },
    respondOnce(...responses) {
      queued.push(...responses);
    },
    waitFor(count, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (requests.length < count) return;
          cleanup();
          resolve(requests.slice(0, count));
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`receiver got ${requests.length} request(s), expected ${count} within ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/**
 * A stand-in for dns.lookup that answers every name with one loopback address, so tests can
 * use names like `evil.test`. Refuses to be built with anything else: tests must never be able
 * to open a connection off this machine.
 */
export function loopbackLookup(address = "127.0.0.1"): typeof dns.lookup {
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address) && address !== "::1") {
    throw new Error(`loopbackLookup only answers loopback addresses, not ${address}`);
  }
  const family = address === "::1" ? 6 : 4;
  const lookup = (_hostname: string, options: unknown, callback?: unknown) => {
    const cb = (typeof options === "function" ? options : callback) as (...args: unknown[]) => void;
    const all = typeof options === "object" && options !== null && (options as { all?: boolean }).all;
    process.nextTick(() => (all ? cb(null, [{ address, family }]) : cb(null, address, family)));
  };
  return lookup as unknown as typeof dns.lookup;
}
