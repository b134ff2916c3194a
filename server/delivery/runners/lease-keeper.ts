import type { Db } from "@/db";
import { renewLeases } from "@/server/delivery/engine/renew-leases";
import type { HeldDeliveries } from "./held-deliveries";

/** A delivery is not started when less than this is left of its lease (a renewal may have failed). */
const SAFETY_MS = 5_000;

/**
 * Renews the leases of everything the runner holds every third of the lease, in one statement.
 * A delivery whose lease was lost (taken over after a long stall) or may have run out (renewals
 * failing) is not started: another runner may be sending it.
 */
export class LeaseKeeper {
  private timer: NodeJS.Timeout | null = null;
  private renewedAt = 0;
  private readonly lost = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly owner: string,
    private readonly leaseMs: number,
    private readonly held: HeldDeliveries,
    private readonly report: (err: unknown) => void,
  ) {}

  start() {
    this.timer ??= setInterval(() => void this.renew(), Math.max(50, this.leaseMs / 3));
    this.timer.unref();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  mayStillSend(id: string): boolean {
    if (this.lost.delete(id)) return false;
    const since = Math.max(this.held.claimedAt(id) ?? 0, this.renewedAt);
    return Date.now() < since + this.leaseMs - Math.min(SAFETY_MS, this.leaseMs / 4);
  }

  private async renew() {
    const ids = this.held.ids();
    if (!ids.length) return;
    const started = Date.now();
    try {
      for (const id of await renewLeases(this.db, this.owner, ids, this.leaseMs)) this.lost.add(id);
      this.renewedAt = started;
    } catch (err) {
      this.report(err);
    }
  }
}
