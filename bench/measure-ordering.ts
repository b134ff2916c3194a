import http from "node:http";
import type { AddressInfo } from "node:net";
import { LocalRunner } from "@/server/delivery/runners/local-runner";
import { sampleEvent } from "@/server/events/catalog";
import { ingestEvents } from "@/server/events/ingest-events";
import type { BenchConfig } from "./config";
import { seedBenchAccount, type MakeTarget } from "./setup-target";
import { within } from "./util";

/** Each message's reports, in the order they are accepted (a provider resends the last one). */
const STATUSES = ["submitted", "delivered", "read", "read"] as const;

export type OrderingRun = {
  ordered: boolean;
  delivered: number;
  complete: boolean;
  seconds: number;
  deliveriesPerSecond: number;
  /** Arrivals of a message's report before an earlier-accepted one of the same message. */
  outOfOrder: number;
};

export type OrderingResult = {
  target: string;
  events: number;
  messages: number;
  off: OrderingRun;
  on: OrderingRun;
  /** Deliveries/s with ordering on ÷ off (the bar: ≥ 0.8). */
  ratio: number;
};

/**
 * Messaging scenario: `events` DLRs over events/4 messages (4 reports each, accepted in waves as
 * a gateway reports them) to one endpoint, drained from a backlog with ordered delivery off, then
 * on (a fresh database each). Deliveries/s and, from each request's body, reports that arrived
 * before an earlier one of their message.
 */
export async function measureOrdering(make: MakeTarget, cfg: BenchConfig): Promise<OrderingResult> {
  const events = cfg.orderingEvents;
  const messages = Math.floor(events / STATUSES.length);
  const off = await drain(make, cfg, messages, false);
  const on = await drain(make, cfg, messages, true);
  return {
    target: off.target,
    events,
    messages,
    off: off.run,
    on: on.run,
    ratio: Number((on.run.deliveriesPerSecond / off.run.deliveriesPerSecond).toFixed(2)),
  };
}

async function drain(make: MakeTarget, cfg: BenchConfig, messages: number, ordered: boolean) {
  const target = await make();
  const receiver = await startOrderReceiver();
  try {
    const db = target.handle.db;
    const actor = await seedBenchAccount(target.handle, receiver.url, { orderedDelivery: ordered });
    const runner = new LocalRunner({
      db,
      concurrency: cfg.concurrency,
      perEndpoint: cfg.concurrency,
      attempt: { allowPrivateNetworks: true },
    });
    const total = messages * STATUSES.length;
    for (const [seq, status] of STATUSES.entries()) {
      for (let m = 0; m < messages; m += 1000) {
        const batch = Array.from({ length: Math.min(1000, messages - m) }, (_, i) => {
          const e = sampleEvent("sms.dlr");
          e.data = { ...e.data, message_id: `msg-${m + i}`, status, client_ref: String(seq) };
          return e;
        });
        await within(ingestEvents({ db, actor, runner }, { events: batch }), 120_000, "ingest batch");
      }
    }
    console.log(`  ordering ${ordered ? "on" : "off"}: ${total} DLRs over ${messages} messages`);
    const started = performance.now();
    const done = receiver.waitFor(total, cfg.drainMaxSeconds * 1000);
    runner.start();
    let complete = false;
    try {
      complete = await done;
    } finally {
      await within(runner.stop(), 60_000, "runner stop");
    }
    const seconds = (performance.now() - started) / 1000;
    const run: OrderingRun = {
      ordered,
      delivered: receiver.arrivals,
      complete,
      seconds: Number(seconds.toFixed(1)),
      deliveriesPerSecond: Math.round(receiver.arrivals / seconds),
      outOfOrder: receiver.outOfOrder,
    };
    return { target: target.name, run };
  } finally {
    await receiver.close();
    await target.dispose();
  }
}

/** Counts first arrivals per webhook-id, and reports that came before an earlier one of their message. */
async function startOrderReceiver() {
  const seen = new Set<string>();
  const lastSeq = new Map<string, number>();
  let arrivals = 0;
  let outOfOrder = 0;
  let waiter: { n: number; resolve: (reached: boolean) => void } | null = null;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const id = String(req.headers["webhook-id"] ?? "");
      if (!seen.has(id)) {
        seen.add(id);
        arrivals++;
        const { data } = JSON.parse(Buffer.concat(chunks).toString()) as {
          data: { message_id: string; client_ref: string };
        };
        const seq = Number(data.client_ref);
        if (seq < (lastSeq.get(data.message_id) ?? -1)) outOfOrder++;
        lastSeq.set(data.message_id, Math.max(seq, lastSeq.get(data.message_id) ?? -1));
        if (waiter && arrivals >= waiter.n) waiter.resolve(true);
      }
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    get arrivals() {
      return arrivals;
    },
    get outOfOrder() {
      return outOfOrder;
    },
    waitFor(n: number, timeoutMs: number) {
      if (arrivals >= n) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        waiter = {
          n,
          resolve: (reached) => {
            clearTimeout(timer);
            resolve(reached);
          },
        };
      });
    },
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

export function orderingTable(results: OrderingResult[]) {
  const lines = [
    "| target | ordering off: deliveries/s | ordering on: deliveries/s | on ÷ off | out of order (off / on) |",
    "|---|---|---|---|---|",
  ];
  for (const r of results)
    lines.push(
      `| ${r.target} | ${r.off.deliveriesPerSecond} (${r.off.seconds} s) | ${r.on.deliveriesPerSecond} (${r.on.seconds} s) | ${r.ratio} | ${r.off.outOfOrder} / ${r.on.outOfOrder} |`,
    );
  return lines.join("\n");
}
