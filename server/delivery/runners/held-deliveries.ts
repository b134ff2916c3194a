import type { ReadyDelivery } from "@/server/delivery/engine/plan-claimed";

type Held = {
  endpointId: string;
  accountId: string;
  /** When its lease last began (the claim or a renewal started), on the runner's lease clock. */
  leaseFrom: number;
  sending: boolean;
  recording: boolean;
};

/**
 * What one local runner holds a lease on — claimed and waiting, being sent, or sent and waiting
 * to be recorded — with counts per endpoint and per account of those not sent yet for the
 * claim's caps, and a local send queue per endpoint so at most `perEndpoint` requests to one
 * endpoint are in flight. An attempt waiting for its batch to be written takes no place of its
 * endpoint or account: counted there, it kept claims small while a batch was being written.
 */
export class HeldDeliveries {
  private readonly held = new Map<string, Held>();
  private readonly perEndpoint = new Map<string, number>();
  private readonly perAccount = new Map<string, number>();
  private readonly sendingPerEndpoint = new Map<string, number>();
  private readonly queues = new Map<string, ReadyDelivery[]>();

  private sendingTotal = 0;
  private recordingTotal = 0;

  constructor(
    private readonly maxSendingPerEndpoint: number,
    private readonly maxSending: number,
  ) {}

  get size() {
    return this.held.size;
  }

  /** Held and not sent yet: waiting here or in flight. */
  get unsent() {
    return this.held.size - this.recordingTotal;
  }

  /** Sent, their attempts waiting to be written. */
  get recording() {
    return this.recordingTotal;
  }

  has(id: string) {
    return this.held.has(id);
  }

  ids() {
    return [...this.held.keys()];
  }

  leaseFrom(id: string) {
    return this.held.get(id)?.leaseFrom;
  }

  /** Their leases were extended by a renewal that began at `at`. */
  renewed(ids: string[], at: number) {
    for (const id of ids) {
      const h = this.held.get(id);
      if (h && h.leaseFrom < at) h.leaseFrom = at;
    }
  }

  add(id: string, endpointId: string, accountId: string, leaseFrom: number) {
    if (this.held.has(id)) return;
    this.held.set(id, { endpointId, accountId, leaseFrom, sending: false, recording: false });
    bump(this.perEndpoint, endpointId, 1);
    bump(this.perAccount, accountId, 1);
  }

  /** The delivery is done with here (recorded, handed back, or its lease lost). */
  remove(id: string) {
    const h = this.held.get(id);
    if (!h) return;
    this.held.delete(id);
    if (h.recording) this.recordingTotal--;
    else this.uncount(h);
    if (h.sending) {
      bump(this.sendingPerEndpoint, h.endpointId, -1);
      this.sendingTotal--;
    }
  }

  /** Sent and waiting to be recorded: it keeps its lease but no longer a place of its endpoint or account. */
  toRecord(id: string) {
    const h = this.held.get(id);
    if (!h || h.recording) return;
    h.recording = true;
    this.recordingTotal++;
    this.uncount(h);
  }

  private uncount(h: Held) {
    bump(this.perEndpoint, h.endpointId, -1);
    bump(this.perAccount, h.accountId, -1);
  }

  /** Free places per endpoint / account for the next claim, for those this runner holds work of. */
  freePlaces(capPerEndpoint: number, capPerAccount: number) {
    const endpoints = new Map<string, number>();
    for (const [id, n] of this.perEndpoint) endpoints.set(id, Math.max(0, capPerEndpoint - n));
    const accounts = new Map<string, number>();
    for (const [id, n] of this.perAccount) accounts.set(id, Math.max(0, capPerAccount - n));
    return { endpoints, accounts };
  }

  enqueue(ready: ReadyDelivery) {
    const q = this.queues.get(ready.item.endpointId) ?? [];
    q.push(ready);
    this.queues.set(ready.item.endpointId, q);
  }

  /** Back at the head of its endpoint's queue (it was taken, then had to wait). */
  enqueueFirst(ready: ReadyDelivery) {
    const q = this.queues.get(ready.item.endpointId) ?? [];
    q.unshift(ready);
    this.queues.set(ready.item.endpointId, q);
  }

  /** Deliveries that may start now: from each endpoint's queue while it has a free send place. */
  takeStartable(): ReadyDelivery[] {
    const out: ReadyDelivery[] = [];
    for (const [endpointId, q] of this.queues) {
      let sending = this.sendingPerEndpoint.get(endpointId) ?? 0;
      while (q.length && sending < this.maxSendingPerEndpoint && this.sendingTotal < this.maxSending) {
        const next = q.shift()!;
        const h = this.held.get(next.item.id);
        if (!h) continue; // lease lost meanwhile
        h.sending = true;
        sending++;
        this.sendingTotal++;
        out.push(next);
      }
      this.sendingPerEndpoint.set(endpointId, sending);
      if (!q.length) this.queues.delete(endpointId);
    }
    return out;
  }

  /** The request is over: its send place is free (the lease is kept until it is recorded). */
  sent(id: string) {
    const h = this.held.get(id);
    if (!h?.sending) return;
    h.sending = false;
    bump(this.sendingPerEndpoint, h.endpointId, -1);
    this.sendingTotal--;
  }

  /** Deliveries of this endpoint held here and not sent yet (waiting or in flight). */
  heldFor(endpointId: string): number {
    return this.perEndpoint.get(endpointId) ?? 0;
  }

  heldForAccount(accountId: string): number {
    return this.perAccount.get(accountId) ?? 0;
  }

  /** Deliveries of this endpoint waiting here for a send place. */
  queuedFor(endpointId: string): number {
    return this.queues.get(endpointId)?.length ?? 0;
  }

  queuedCount(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  /** Queued (not yet sending) ids, for a stop that hands them back. */
  queuedIds(): string[] {
    return [...this.queues.values()].flat().map((r) => r.item.id);
  }

  clearQueues() {
    this.queues.clear();
  }
}

function bump(map: Map<string, number>, key: string, by: number) {
  const n = (map.get(key) ?? 0) + by;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}
