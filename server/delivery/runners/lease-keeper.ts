import type { Db } from "@/db";
import { renewLeases } from "@/server/delivery/engine/renew-leases";
import type { HeldDeliveries } from "./held-deliveries";

/** A delivery is not started when less than this is left of its lease (a renewal may have failed). */
const SAFETY_MS = 5_000;

/** Whether a held delivery may start now: `renew` — not sure of its lease; send it after a renewal. */
export type LeaseCheck = "send" | "lost" | "renew";

/**
 * Renews the leases of everything the runner holds every third of the lease, in one statement.
 * A delivery whose lease was lost (taken over after a long stall) is not started: another runner
 * may be sending it. One whose lease may have run out (renewals late on a starved machine) waits
 * for a renewal made at once, rather than being dropped and claimed again once the lease is over.
 * Each delivery's lease is timed from its own claim or last renewal: one that a renewal skipped
 * (its row locked, maybe by another runner taking it over) is not sent on that renewal's word.
 */
export class LeaseKeeper {
  private timer: NodeJS.Timeout | null = null;
  private renewing: Promise<boolean> | null = null;
  private readonly lost = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly owner: string,
    private readonly leaseMs: number,
    private readonly held: HeldDeliveries,
    private readonly report: (err: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  start() {
    this.timer ??= setInterval(() => void this.renew(), Math.max(50, this.leaseMs / 3));
    this.timer.unref();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  check(id: string): LeaseCheck {
    if (this.lost.delete(id)) return "lost";
    const since = this.held.leaseFrom(id) ?? 0;
    return this.now() < since + this.leaseMs - Math.min(SAFETY_MS, this.leaseMs / 4) ? "send" : "renew";
  }

  /** Renews everything held now (joining a renewal already under way): false if it failed. Never rejects. */
  renew(): Promise<boolean> {
    this.renewing ??= this.renewHeld().finally(() => (this.renewing = null));
    return this.renewing;
  }

  private async renewHeld(): Promise<boolean> {
    const ids = this.held.ids();
    if (!ids.length) return true;
    // The renewal's start, not its end: the new leases run from some moment after it.
    const started = this.now();
    try {
      const { renewed, lost } = await renewLeases(this.db, this.owner, ids, this.leaseMs);
      this.held.renewed(renewed, started);
      for (const id of lost) this.lost.add(id);
      // Lost while in flight or being recorded: never checked again, so forgotten once let go.
      for (const id of this.lost) if (!this.held.has(id)) this.lost.delete(id);
      return true;
    } catch (err) {
      this.report(err);
      return false;
    }
  }
}
