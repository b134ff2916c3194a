import type { Db } from "@/db";
import { attemptDelivery, type AttemptDeps } from "@/server/delivery/engine/attempt-delivery";
import { claimDueDeliveries, nextDueAt, releaseDeliveries } from "@/server/delivery/engine/claim-due-deliveries";
import type { DeliveryItem, DeliveryRunner } from "./delivery-runner";

export type LocalRunnerOptions = {
  db: Db;
  /** Attempts in flight at once in this process. */
  concurrency?: number;
  /** Attempts in flight per endpoint (WEBHOOK_MAX_IN_FLIGHT). */
  perEndpoint?: number;
  /** How long a claim is held before another runner may take it over (crash recovery). */
  leaseMs?: number;
  /** Longest sleep between polls when idle (work may come from other processes). */
  idlePollMs?: number;
  attempt?: Omit<AttemptDeps, "db">;
  onError?: (err: unknown) => void;
};

/**
 * The embedded runner: one loop per process that claims due deliveries from the database and
 * runs attemptDelivery with bounded concurrency. enqueue() only wakes the loop — the database is
 * the queue, so nothing is lost if the process dies between enqueue and send.
 */
export class LocalRunner implements DeliveryRunner {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly perEndpointCount = new Map<string, number>();
  private readonly waiting = new Map<string, DeliveryItem[]>();
  private readonly opts: Required<Omit<LocalRunnerOptions, "attempt" | "onError">> & Pick<LocalRunnerOptions, "attempt" | "onError">;

  constructor(opts: LocalRunnerOptions) {
    this.opts = { concurrency: 50, perEndpoint: 10, leaseMs: 120_000, idlePollMs: 1000, ...opts };
  }

  async enqueue(_items: DeliveryItem[]) {
    this.poke();
  }

  start() {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops claiming, lets in-flight attempts finish, and puts claimed-but-unstarted work back. */
  async stop() {
    this.running = false;
    this.poke();
    await this.loop;
    await Promise.allSettled(this.inFlight.values());
    const unstarted = [...this.waiting.values()].flat().map((d) => d.id);
    this.waiting.clear();
    await releaseDeliveries(this.opts.db, unstarted);
  }

  get activeCount() {
    return this.inFlight.size;
  }

  private poke() {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  private async run() {
    while (this.running) {
      try {
        const free = this.opts.concurrency - this.inFlight.size - this.waitingCount();
        if (free > 0) {
          const claimed = await claimDueDeliveries(this.opts.db, {
            limit: Math.min(free, 200),
            leaseMs: this.opts.leaseMs,
            skipEndpoints: this.saturatedEndpoints(),
          });
          for (const item of claimed) this.dispatch(item);
          if (claimed.length === free) continue; // more may be due right now
        }
        await this.sleep(await this.sleepMs());
      } catch (err) {
        if (this.opts.onError) this.opts.onError(err);
        else console.error("[hookline] local runner:", err);
        await this.sleep(this.opts.idlePollMs);
      }
    }
  }

  private async sleepMs() {
    if (this.inFlight.size >= this.opts.concurrency) return this.opts.idlePollMs; // woken on completion
    const due = await nextDueAt(this.opts.db);
    if (!due) return this.opts.idlePollMs;
    return Math.max(0, Math.min(due.getTime() - Date.now(), this.opts.idlePollMs));
  }

  private sleep(ms: number) {
    if (ms <= 0 || !this.running) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }

  private dispatch(item: DeliveryItem) {
    if ((this.perEndpointCount.get(item.endpointId) ?? 0) >= this.opts.perEndpoint) {
      const queue = this.waiting.get(item.endpointId) ?? [];
      queue.push(item);
      this.waiting.set(item.endpointId, queue);
      return;
    }
    this.perEndpointCount.set(item.endpointId, (this.perEndpointCount.get(item.endpointId) ?? 0) + 1);
    const task = attemptDelivery({ db: this.opts.db, ...this.opts.attempt }, item.id)
      .then(() => undefined)
      .catch((err) => {
        // Left in `sending`: the lease expires and the delivery is attempted again.
        (this.opts.onError ?? ((e) => console.error("[hookline] attempt failed:", e)))(err);
      })
      .finally(() => {
        this.inFlight.delete(item.id);
        const n = (this.perEndpointCount.get(item.endpointId) ?? 1) - 1;
        if (n) this.perEndpointCount.set(item.endpointId, n);
        else this.perEndpointCount.delete(item.endpointId);
        const next = this.waiting.get(item.endpointId)?.shift();
        if (next) this.dispatch(next);
        if (!this.waiting.get(item.endpointId)?.length) this.waiting.delete(item.endpointId);
        this.poke();
      });
    this.inFlight.set(item.id, task);
  }

  private waitingCount() {
    let n = 0;
    for (const q of this.waiting.values()) n += q.length;
    return n;
  }

  private saturatedEndpoints() {
    return [...this.perEndpointCount.entries()].filter(([, n]) => n >= this.opts.perEndpoint).map(([id]) => id);
  }
}
