import type { Db } from "@/db";
import { attemptDelivery, DEFAULT_LEASE_MS, type AttemptDeps } from "@/server/delivery/engine/attempt-delivery";
import { claimDueDeliveries } from "@/server/delivery/engine/claim-due-deliveries";
import { nextDueAt } from "@/server/delivery/engine/next-due-at";
import { getEnv } from "@/server/env";
import type { DeliveryItem, DeliveryRunner } from "@/server/delivery/delivery-runner";

export type LocalRunnerOptions = {
  db: Db;
  /** Attempts in flight at once in this process. */
  concurrency?: number;
  /** Attempts in flight per endpoint in this process (default WEBHOOK_MAX_IN_FLIGHT). */
  perEndpoint?: number;
  /** How long a claim is held before another runner may take it over (crash recovery). */
  leaseMs?: number;
  /** Longest sleep between polls when idle (work may also come from other processes). */
  idlePollMs?: number;
  attempt?: Omit<AttemptDeps, "db">;
  onError?: (err: unknown) => void;
};

/**
 * The embedded runner: one loop per process that claims due deliveries from the database and
 * runs attemptDelivery with bounded concurrency, overall and per endpoint. enqueue() only wakes
 * the loop — the database is the queue, so nothing is lost if the process dies in between.
 *
 * The per-endpoint cap is per process: the claim takes at most the endpoint's free places here.
 * Several processes each apply it (the rate limit, in the database, is global).
 */
export class LocalRunner implements DeliveryRunner {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** A poke that came while the loop was busy: the next sleep returns at once. */
  private poked = false;
  private completionTimer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly perEndpointCount = new Map<string, number>();
  private readonly opts: Required<Omit<LocalRunnerOptions, "attempt" | "onError">> &
    Pick<LocalRunnerOptions, "attempt" | "onError">;

  constructor(opts: LocalRunnerOptions) {
    this.opts = {
      concurrency: 50,
      perEndpoint: getEnv().WEBHOOK_MAX_IN_FLIGHT,
      leaseMs: DEFAULT_LEASE_MS,
      idlePollMs: 1000,
      ...opts,
    };
  }

  /** Wakes the loop: the deliveries are already in the database, which is the queue. */
  async enqueue(_items: DeliveryItem[] = []) {
    this.poke();
  }

  start() {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops claiming and lets in-flight attempts finish; nothing claimed is left unstarted. */
  async stop() {
    this.running = false;
    this.poke();
    await this.loop;
    await Promise.allSettled(this.inFlight.values());
    if (this.completionTimer) clearTimeout(this.completionTimer);
    this.completionTimer = null;
  }

  get activeCount() {
    return this.inFlight.size;
  }

  private poke() {
    const w = this.wake;
    this.wake = null;
    if (w) w();
    else this.poked = true;
  }

  private async run() {
    while (this.running) {
      try {
        this.poked = false;
        const free = this.opts.concurrency - this.inFlight.size;
        if (free > 0) {
          const claimed = await claimDueDeliveries(this.opts.db, {
            limit: Math.min(free, 200),
            leaseMs: this.opts.leaseMs,
            perEndpoint: this.opts.perEndpoint,
            inFlight: this.perEndpointCount,
          });
          for (const item of claimed) this.dispatch(item);
          if (claimed.length && claimed.length === Math.min(free, 200)) continue; // more may be due now
        }
        await this.sleep(await this.sleepMs());
      } catch (err) {
        this.report(err);
        await this.sleep(this.opts.idlePollMs);
      }
    }
  }

  /**
   * Until the next delivery falls due, at most idlePollMs. While attempts are in flight their
   * completions wake the loop, so the due-time query is skipped then.
   */
  private async sleepMs() {
    if (this.inFlight.size > 0) return this.opts.idlePollMs;
    const due = await nextDueAt(this.opts.db);
    if (!due) return this.opts.idlePollMs;
    return Math.max(0, Math.min(due.getTime() - Date.now(), this.opts.idlePollMs));
  }

  private sleep(ms: number) {
    const poked = this.poked;
    this.poked = false;
    if (poked || ms <= 0 || !this.running) return Promise.resolve();
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
    // A lease that ran out while this process is still on the attempt: the attempt will finish it.
    if (this.inFlight.has(item.id)) return;
    this.perEndpointCount.set(item.endpointId, (this.perEndpointCount.get(item.endpointId) ?? 0) + 1);
    const task = attemptDelivery({ db: this.opts.db, ...this.opts.attempt }, item.id)
      .then(() => undefined)
      // Left in `sending`: the lease runs out and the delivery is attempted again.
      .catch((err) => this.report(err))
      .finally(() => {
        this.inFlight.delete(item.id);
        const n = (this.perEndpointCount.get(item.endpointId) ?? 1) - 1;
        if (n > 0) this.perEndpointCount.set(item.endpointId, n);
        else this.perEndpointCount.delete(item.endpointId);
        this.pokeSoon();
      });
    this.inFlight.set(item.id, task);
  }

  /** Completions arrive in bursts: one claim at the end of the tick serves all of them. */
  private pokeSoon() {
    if (this.completionTimer) return;
    this.completionTimer = setTimeout(() => {
      this.completionTimer = null;
      this.poke();
    });
  }

  private report(err: unknown) {
    if (this.opts.onError) this.opts.onError(err);
    else console.error("[hookline] local runner:", err);
  }
}
