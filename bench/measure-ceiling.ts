import { Agent, request } from "undici";
import type { BenchReceiver } from "./bench-receiver";

/**
 * The ceiling: the same N requests (same body size) sent by a bare undici loop at the same
 * concurrency, with no database, signing or bookkeeping. Deliveries/s divided by this is the
 * overhead ratio the benchmark reports.
 */
export async function measureCeiling(receiver: BenchReceiver, n: number, concurrency: number, body: string) {
  receiver.reset();
  const agent = new Agent({ connections: concurrency, keepAliveTimeout: 30_000 });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const seq = next++;
        const res = await request(receiver.url, {
          method: "POST",
          headers: { "content-type": "application/json", "x-seq": String(seq) },
          body,
          dispatcher: agent,
        });
        await res.body.dump();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await agent.close();
  return { requests: n, seconds, perSecond: n / seconds };
}
