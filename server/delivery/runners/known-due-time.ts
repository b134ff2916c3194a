import type { Db } from "@/db";
import { nextDueAt } from "@/server/delivery/engine/next-due-at";

/**
 * When the next unleased delivery falls due, for an idle runner's sleep — read from the database
 * at most once per poll interval, or again once the time read has come. An idle runner sending
 * single events finishes them one at a time, and reading it after each was a query per delivery.
 * Retries and deferrals the runner writes itself move it earlier meanwhile (`note`); work of
 * other processes is found by the next read, as by the poll.
 */
export class KnownDueTime {
  private at: number | null = null;
  private readAt = -Infinity;

  constructor(
    private readonly db: Db,
    private readonly pollMs: number,
  ) {}

  /** Epoch ms of the next due delivery, or null when nothing waits. */
  async next(now = Date.now()): Promise<number | null> {
    if (now - this.readAt >= this.pollMs || (this.at !== null && this.at <= now)) {
      const due = await nextDueAt(this.db);
      this.at = due ? due.getTime() : null;
      this.readAt = now;
    }
    return this.at;
  }

  /** This runner wrote a delivery due at `at` (a retry, a deferral). */
  note(at: number) {
    if (this.at === null || at < this.at) this.at = at;
  }
}
