import { Agent, request } from "undici";
import type { BenchReceiver } from "./bench-receiver";
import { cpuSince, within } from "./util";

export type Ceiling = { perSecond: number; cpuUsPerRequest: number };

/**
 * The ceiling: N requests of the same body size sent by a bare undici loop at the same
 * concurrency, with no database, signing or bookkeeping. A short untimed warm-up opens the
 * connections first, as the engine's keep-alive agent has them open after its warm-up.
 */
export async function measureCeiling(
  receiver: BenchReceiver,
  n: number,
  concurrency: number,
  body: string,
): Promise<Ceiling> {
  const agent = new Agent({
    connections: concurrency,
    keepAliveTimeout: 30_000,
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
  const send = async (count: number) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next++ < count) {
          const res = await request(receiver.url, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body,
            dispatcher: agent,
          });
          await res.body.dump();
        }
      }),
    );
  };
  try {
    await within(send(concurrency * 4), 60_000, "ceiling warm-up");
    const phase = receiver.newPhase();
    const cpu = process.cpuUsage();
    const started = performance.now();
    await within(send(n), 60_000 + n * 10, "ceiling run");
    const seconds = (performance.now() - started) / 1000;
    const cpuUs = cpuSince(cpu);
    if (phase.requests !== n) throw new Error(`ceiling: receiver saw ${phase.requests} of ${n} requests`);
    return { perSecond: n / seconds, cpuUsPerRequest: cpuUs / n };
  } finally {
    await agent.close();
  }
}
