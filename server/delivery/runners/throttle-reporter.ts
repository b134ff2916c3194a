import type { Db } from "@/db";
import type { AttemptRecord } from "@/server/delivery/engine/record-attempts";
import { recordThrottleSignals } from "@/server/delivery/throttle/record-throttle-signals";
import { isRefusal, ThrottleSignals } from "@/server/delivery/throttle/throttle-signals";

/** How often a busy runner reports what it saw (the rate moves at most once a second anyway). */
const REPORT_EVERY_MS = 1000;
/** A refusal is reported at once, but not more often than this. */
const REFUSAL_REPORT_MS = 200;

/**
 * Adaptive throttling's input from one local runner: attempts to endpoints with adaptive
 * throttling are added up per endpoint and reported in one statement about once a second — at
 * once on a 429/503 — rather than on every recorded batch.
 */
export class ThrottleReporter {
  private readonly signals = new ThrottleSignals();
  private timer: NodeJS.Timeout | null = null;
  private timerAt = 0;
  private reporting: Promise<void> | null = null;
  private lastReport = 0;

  constructor(
    private readonly db: Db,
    private readonly onError: (err: unknown) => void,
  ) {}

  add(record: AttemptRecord) {
    if (!record.adaptive) return;
    this.signals.add([record]);
    const since = Date.now() - this.lastReport;
    const due = isRefusal(record) ? REFUSAL_REPORT_MS : REPORT_EVERY_MS;
    this.schedule(Math.max(0, due - since));
  }

  /** Reports what is left (on stop). */
  async flush() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.reporting;
    await this.report();
  }

  private schedule(ms: number) {
    const at = Date.now() + ms;
    if (this.timer && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.report();
    }, ms);
    this.timer.unref();
  }

  private async report() {
    if (!this.signals.size) return;
    if (this.reporting) return void this.schedule(REFUSAL_REPORT_MS);
    this.lastReport = Date.now();
    this.reporting = recordThrottleSignals(this.db, this.signals.take())
      .catch(this.onError)
      .finally(() => {
        this.reporting = null;
      });
    await this.reporting;
  }
}
