import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { DeliveryItem, DeliveryRunner, InsertLease } from "@/server/delivery/delivery-runner";
import { resolveSendDeps } from "@/server/delivery/engine/attempt-delivery";
import type { ClaimedDelivery } from "@/server/delivery/engine/claimed-delivery";
import { noteInternalFailures } from "@/server/delivery/engine/note-internal-failures";
import { planClaimed, type ReadyDelivery } from "@/server/delivery/engine/plan-claimed";
import { releaseLeases } from "@/server/delivery/engine/release-leases";
import { sendClaimed } from "@/server/delivery/engine/send-claimed";
import { AttemptRecorder } from "./attempt-recorder";
import { BatchClaimer } from "./batch-claimer";
import { ClaimPlaces } from "./claim-places";
import { ClaimStatistics, isPglite } from "./claim-statistics";
import { HeldDeliveries } from "./held-deliveries";
import { KnownDueTime } from "./known-due-time";
import { LeaseKeeper } from "./lease-keeper";
import { LoopAlarm } from "./loop-alarm";
import { resolveRunnerOptions, type LocalRunnerOptions, type ResolvedRunnerOptions } from "./runner-options";
import { ThrottleReporter } from "./throttle-reporter";

export type { LocalRunnerOptions };

/** Most deliveries one ingestion may write already leased to this runner (single events, small batches). */
const MAX_LEASED_AT_INSERT = 50;
/** PGlite only: how long a busy runner's attempt flush may wait to gather a larger batch. */
const PGLITE_GATHER_MS = 15;

/**
 * The embedded runner (graphile-worker's local queue, River's batched completer): one loop per
 * process claims fair batches of due deliveries in one statement each, sends them with bounded
 * concurrency per endpoint, and records the attempts in batches. Leases of everything held are
 * renewed while held, so a busy process never has its work taken over and sent twice; a crashed
 * one's is taken over when its leases run out. enqueue() hands it the ids ingestion just wrote,
 * claimed by id without a scan; the database stays the queue, so nothing is lost in between.
 */
export class LocalRunner implements DeliveryRunner {
  readonly owner = `local:${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly alarm = new LoopAlarm();
  private readonly places: ClaimPlaces;
  /** Sends in flight (by their delivery) and lease renewals they wait for (by their batch). */
  private readonly tasks = new Map<object, Promise<void>>();
  private readonly held: HeldDeliveries;
  private readonly recorder: AttemptRecorder;
  private readonly leases: LeaseKeeper;
  private readonly throttle: ThrottleReporter;
  private readonly send: ReturnType<typeof resolveSendDeps>;
  private readonly o: ResolvedRunnerOptions;
  private readonly statistics: ClaimStatistics;
  private readonly claimer: BatchClaimer;
  private readonly due: KnownDueTime;

  constructor(private readonly opts: LocalRunnerOptions) {
    this.o = resolveRunnerOptions(opts);
    this.send = resolveSendDeps(opts.attempt ?? {});
    this.statistics = new ClaimStatistics(opts.db);
    this.due = new KnownDueTime(opts.db, this.o.idlePollMs);
    this.held = new HeldDeliveries(this.o.perEndpoint, this.o.concurrency);
    this.places = new ClaimPlaces(this.held, this.o);
    this.claimer = new BatchClaimer({ ...this.o, owner: this.owner }, this.held, this.places, this.statistics, (err) =>
      this.report(err),
    );
    this.recorder = new AttemptRecorder(
      opts.db,
      this.send.disableAfterFailures,
      (ids, released) => this.finished(ids, released),
      isPglite(opts.db) ? PGLITE_GATHER_MS : 0,
    );
    this.throttle = new ThrottleReporter(opts.db, (err) => this.report(err));
    this.leases = new LeaseKeeper(
      opts.db,
      this.owner,
      this.o.leaseMs,
      this.held,
      (err) => this.report(err),
      this.o.now,
    );
  }

  /** Wakes the loop and points it at these deliveries (claimed by id, ahead of the due scan). */
  async enqueue(items: DeliveryItem[] = []) {
    for (const item of items) this.places.hints.add(item.id, item.endpointId);
    this.alarm.poke();
  }

  /**
   * Lets ingestion write up to this many deliveries already leased to this runner (then `adopt`),
   * skipping the claim: accepted → sent in one statement. Only while running, for small writes
   * (single events) that fit in what this runner may hold; larger ones go through hints.
   */
  leaseOnInsert(count: number): InsertLease | null {
    if (!this.running || count > MAX_LEASED_AT_INSERT || count > this.places.room()) return null;
    return { owner: this.owner, leaseMs: this.o.leaseMs, since: this.o.now() };
  }

  /** Deliveries ingestion wrote with our lease: sent as if just claimed (or handed back if stopped). */
  adopt(claimed: ClaimedDelivery[], lease: InsertLease) {
    if (!this.running) {
      const ids = claimed.map((c) => c.id);
      void releaseLeases(this.o.db, this.owner, ids).catch((err) => this.report(err));
      return;
    }

    this.statistics.noteClaimed(claimed.length);
    void this.dispatch(claimed, lease.since).catch((err) => this.report(err));
  }

  start() {
    if (this.running) return;
    this.running = true;
    this.leases.start();
    this.loop = this.run();
  }

  /** Stops claiming, hands back what has not started, lets in-flight attempts finish and be recorded. */
  async stop() {
    this.running = false;
    this.alarm.poke();
    await this.loop;
    const unstarted = this.held.queuedIds();
    this.held.clearQueues();
    await releaseLeases(this.o.db, this.owner, unstarted).catch((err) => this.report(err));
    for (const id of unstarted) this.held.remove(id);
    while (this.tasks.size) await Promise.allSettled([...this.tasks.values()]);
    await this.recorder.idle();
    await this.throttle.flush();
    await this.statistics.idle();
    this.leases.stop();
  }

  get activeCount() {
    return this.held.size;
  }

  private async run() {
    while (this.running) {
      try {
        this.alarm.clear();
        const claimStarted = this.o.now(); // the leases run from after it, whenever the answer comes
        const claimed = await this.claimer.next();
        if (claimed.length) await this.dispatch(claimed, claimStarted);
        if (claimed.length >= this.o.batchSize) continue; // more may be due now
        await this.sleep(await this.sleepMs());
      } catch (err) {
        this.report(err);
        await this.sleep(this.o.idlePollMs);
      }
    }
  }

  /** `leaseFrom`: when the claim began, on the lease clock (its leases run from some moment after). */
  private async dispatch(all: ClaimedDelivery[], leaseFrom: number) {
    // A lease that ran out while this runner still holds the delivery (renewals failing) must not
    // give it a second copy here: the one already held goes on.
    const claimed = all.filter((c) => !this.held.has(c.id));
    for (const c of claimed) {
      this.held.add(c.id, c.endpointId, c.accountId, leaseFrom);
      this.places.learn(c.endpointId, c.accountId);
    }
    const plan = await planClaimed(this.o.db, claimed).catch(async (err) => {
      const released = await noteInternalFailures(
        this.o.db,
        claimed.map((c) => ({ id: c.id, error: err })),
      );
      for (const id of released) this.places.hints.add(id);
      throw err;
    });
    for (const id of plan.released) this.places.hints.add(id);
    // A collapsed queue's winner holds the lease its head was claimed with.
    for (const r of plan.ready) this.held.add(r.item.id, r.item.endpointId, r.item.accountId, leaseFrom);
    for (const d of plan.deferred) {
      this.held.remove(d.id);
      this.due.note(d.dueAt.getTime());
    }
    for (const e of plan.ended) this.held.remove(e.id);
    for (const ready of plan.ready) {
      if (ready.waitMs > 0) setTimeout(() => this.queue(ready), ready.waitMs);
      else this.held.enqueue(ready);
    }
    this.startSends();
  }

  private queue(ready: ReadyDelivery) {
    this.held.enqueue(ready);
    this.startSends();
  }

  private startSends() {
    const unsure: ReadyDelivery[] = [];
    for (const ready of this.held.takeStartable()) {
      const lease = this.leases.check(ready.item.id);
      if (lease === "lost") {
        this.held.remove(ready.item.id);
        continue;
      }
      if (lease === "renew") {
        unsure.push(ready);
        continue;
      }
      this.tasks.set(ready, this.sendOne(ready));
    }
    if (unsure.length) this.sendAfterRenewal(unsure);
  }

  /** One attempt, then its record queued; an error of ours is counted against the delivery. */
  private async sendOne(ready: ReadyDelivery) {
    const id = ready.item.id;
    try {
      const record = await sendClaimed(ready.item, ready.endpoint, this.send);
      if (record.decision.kind === "retry") this.due.note(record.decision.at.getTime());
      this.held.toRecord(id);
      this.recorder.add(record);
      this.throttle.add(record);
    } catch (err) {
      try {
        this.finished([id], await noteInternalFailures(this.o.db, [{ id, error: err }]));
      } catch (noteErr) {
        this.finished([id]);
        this.report(noteErr);
      }
    } finally {
      this.tasks.delete(ready);
      this.held.sent(id);
      this.startSends();
      this.alarm.pokeSoon();
    }
  }

  /**
   * Back at the head of their queues once the leases are renewed (the lost ones are dropped then).
   * If the runner stopped meanwhile they are handed back; if the renewal failed they are left to
   * their leases, claimed again once those run out (by this runner or another).
   */
  private sendAfterRenewal(unsure: ReadyDelivery[]) {
    for (const ready of unsure) this.held.sent(ready.item.id);
    const task = this.leases.renew().then(async (renewed) => {
      const handBack: string[] = [];
      for (const ready of unsure.reverse()) {
        if (!this.held.has(ready.item.id)) continue;
        if (renewed && this.running) this.held.enqueueFirst(ready);
        else if (renewed) handBack.push(ready.item.id);
        else this.held.remove(ready.item.id);
      }
      this.startSends();
      if (handBack.length) await releaseLeases(this.o.db, this.owner, handBack).catch((err) => this.report(err));
      for (const id of handBack) this.held.remove(id);
    });
    this.tasks.set(unsure, task);
    void task.finally(() => this.tasks.delete(unsure));
  }

  /** Done with these; `released` (the next deliveries of their messages) are claimed by id. */
  private finished(ids: string[], released: string[] = []) {
    for (const id of ids) this.held.remove(id);
    for (const id of released) this.places.hints.add(id);
    this.alarm.pokeSoon();
  }

  /** Until the next delivery falls due, at most idlePollMs; completions wake the loop earlier. */
  private async sleepMs() {
    if (this.places.hints.size && this.places.room() > 0 && this.places.hintsWanted()) return 0;
    if (this.held.size > 0 || this.places.hints.size) return this.o.idlePollMs;
    const at = await this.due.next();
    if (at === null) return this.o.idlePollMs;
    this.claimer.dueAt(at);
    return Math.max(0, Math.min(at - Date.now(), this.o.idlePollMs));
  }

  private sleep(ms: number) {
    return this.running ? this.alarm.sleep(ms) : Promise.resolve();
  }

  private report(err: unknown) {
    if (this.opts.onError) this.opts.onError(err);
    else console.error("[hookline] local runner:", err);
  }
}
