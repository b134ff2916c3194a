import type { HeldDeliveries } from "./held-deliveries";
import { Hints } from "./hints";

/** Rounds of an endpoint's sends left waiting here when its hints are claimed. */
const REFILL_ROUNDS = 2;

export type PlaceLimits = { concurrency: number; batchSize: number; perEndpoint: number; perAccount: number };

/**
 * What the local runner may still take, and which hinted deliveries to claim now: the hints
 * (runners/hints.ts) against the places left per endpoint and per account by what it holds
 * (runners/held-deliveries.ts). An endpoint's account is learnt from its claims, so hints of a
 * known endpoint count against its account; a new endpoint gets at most an account's worth.
 */
export class ClaimPlaces {
  readonly hints = new Hints();
  private readonly accountOf = new Map<string, string>();

  constructor(
    private readonly held: HeldDeliveries,
    private readonly o: PlaceLimits,
  ) {}

  /** Remembers the endpoint's account (for the hints' account caps). */
  learn(endpointId: string, accountId: string) {
    if (this.accountOf.size > 10_000 && !this.accountOf.has(endpointId)) this.accountOf.clear();
    this.accountOf.set(endpointId, accountId);
  }

  /**
   * Held: what is in flight plus a batch waiting locally (claimed, leases renewed). Attempts
   * waiting to be written count only past a batch of them, so a slow database still stops claims.
   */
  room() {
    const backlog = Math.max(0, this.held.recording - this.o.batchSize);
    return this.o.concurrency + this.o.batchSize - this.held.unsent - backlog;
  }

  /**
   * What one endpoint may hold here: a round of sends in flight, a round waiting and a batch on
   * its way (being claimed or recorded), so refills come as batches. The claim also caps it.
   */
  get endpointCap() {
    return 2 * this.o.perEndpoint + this.o.batchSize;
  }

  /**
   * Refill in batches rather than one statement per completion: an endpoint's hints are claimed
   * once less than two rounds of its sends wait here (the due scan once the whole queue runs
   * low). At one round, a claim's round trip took about as long as that round took to send: the
   * bench's runner found its queue empty half the time and kept 35 of its 50 sends going.
   */
  hintsWanted() {
    const lowWater = REFILL_ROUNDS * this.o.perEndpoint;
    return this.hints.any((ep) => this.held.queuedFor(ep) < lowWater && this.placesFor(ep) > 0);
  }

  /**
   * Hints this claim has places for, per endpoint and per account: the others stay hinted rather
   * than being dropped by the claim's caps and found again by a scan.
   */
  takeHints(limit: number) {
    const taken = new Map<string, number>();
    return this.hints.take(
      limit,
      (ep) => this.placesFor(ep, taken),
      (ep, n) => {
        const account = this.accountOf.get(ep);
        if (account) taken.set(account, (taken.get(account) ?? 0) + n);
      },
    );
  }

  private placesFor(endpointId: string, takenPerAccount?: Map<string, number>) {
    const account = this.accountOf.get(endpointId);
    const accountFree = account
      ? this.o.perAccount - this.held.heldForAccount(account) - (takenPerAccount?.get(account) ?? 0)
      : this.o.perAccount;
    return Math.max(0, Math.min(this.endpointCap - this.held.heldFor(endpointId), accountFree));
  }
}
