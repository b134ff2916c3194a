import type { Db } from "@/db";
import { claimByIds, claimDueBatch, type ClaimOptions } from "@/server/delivery/engine/claim-batch";
import type { ClaimedDelivery } from "@/server/delivery/engine/claimed-delivery";
import type { ClaimPlaces } from "./claim-places";
import type { ClaimStatistics } from "./claim-statistics";
import type { HeldDeliveries } from "./held-deliveries";

/** Most due rows one claim looks at, past those of endpoints and accounts with no free place. */
const SCAN_LIMIT = 5000;

export type BatchClaimerOptions = {
  db: Db;
  owner: string;
  leaseMs: number;
  batchSize: number;
  perEndpoint: number;
  perAccount: number;
  idlePollMs: number;
};

/**
 * The local runner's next claim: what it was pointed at first (claimed by id, no scan), then the
 * due scan — retries, other processes' work, expired leases — when its queue runs low, and at
 * least once per poll interval whatever its queue holds, so other accounts' work never waits for
 * it to drain. Each claim is fair (claim-batch.ts) and capped by the places left here.
 */
export class BatchClaimer {
  private lastDueScan = 0;
  private nextScanAt = 0;

  constructor(
    private readonly o: BatchClaimerOptions,
    private readonly held: HeldDeliveries,
    private readonly places: ClaimPlaces,
    private readonly statistics: ClaimStatistics,
    private readonly report: (err: unknown) => void,
  ) {}

  /** A delivery falls due at `at` (ms): the due scan may not wait past it. */
  dueAt(at: number) {
    this.nextScanAt = Math.min(this.nextScanAt, at);
  }

  async next(): Promise<ClaimedDelivery[]> {
    const room = this.places.room();
    if (room <= 0) return [];
    const lowWater = Math.min(this.o.perEndpoint, this.o.batchSize / 2);
    const now = Date.now();
    // However full the local queue, the due scan runs once per poll interval: work of other
    // accounts (written by another process, or retries falling due) must not wait for it.
    const scanDue = now - this.lastDueScan >= this.o.idlePollMs;
    // Otherwise it runs when the local queue runs low, unless the last one found nothing: then
    // not before the poll interval or the next known due time (each completion would start one).
    const wantScan = scanDue || (now >= this.nextScanAt && this.held.queuedCount() < lowWater);
    if (!this.places.hintsWanted() && !wantScan) return [];
    this.statistics.refreshWhenDue(this.report);
    const { endpoints, accounts } = this.held.freePlaces(this.places.endpointCap, this.o.perAccount);
    const base: Omit<ClaimOptions, "scanLimit" | "limit" | "full" | "fullAccounts"> = {
      owner: this.o.owner,
      leaseMs: this.o.leaseMs,
      free: endpoints,
      perEndpoint: this.places.endpointCap,
      accountFree: accounts,
      perAccount: this.o.perAccount,
      rateHorizonSeconds: 1,
    };
    const limit = Math.min(room, this.o.batchSize);
    const hinted = this.places.takeHints(limit);
    const byId = hinted.length ? await this.statistics.time(claimByIds(this.o.db, hinted, { ...base, limit })) : [];
    // Fresh work came by id; the due scan (retries, other processes' work, expired leases) then
    // runs at most once per poll interval instead of once per ingested event.
    if (byId.length >= limit || hinted.length >= limit) return byId;
    if (!wantScan || (this.places.hints.size + hinted.length && !scanDue)) return byId;
    this.lastDueScan = now;
    const full = [...endpoints].filter(([, n]) => n === 0).map(([id]) => id);
    const fullAccounts = [...accounts].filter(([, n]) => n === 0).map(([id]) => id);
    const due = await this.statistics.time(
      claimDueBatch(this.o.db, { ...base, limit: limit - byId.length, scanLimit: SCAN_LIMIT, full, fullAccounts }),
    );
    this.nextScanAt = due.length ? 0 : now + this.o.idlePollMs;
    return [...byId, ...due];
  }
}
