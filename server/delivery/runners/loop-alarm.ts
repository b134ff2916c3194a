/**
 * The runner loop's sleep and its wake-ups. A poke while the loop is awake is remembered, so the
 * next sleep returns at once: work that arrived during a claim is never slept through.
 */
export class LoopAlarm {
  private wake: (() => void) | null = null;
  private poked = false;
  private pokeScheduled = false;

  /** Forgets earlier pokes: the loop is about to look for work itself. */
  clear() {
    this.poked = false;
  }

  poke() {
    const w = this.wake;
    this.wake = null;
    if (w) w();
    else this.poked = true;
  }

  /** Completions arrive in bursts: one poke after the current tick serves all of them. */
  pokeSoon() {
    if (this.pokeScheduled) return;
    this.pokeScheduled = true;
    setImmediate(() => {
      this.pokeScheduled = false;
      this.poke();
    });
  }

  /** Up to `ms`, or until poked (at once if poked since the last sleep). */
  sleep(ms: number): Promise<void> {
    const poked = this.poked;
    this.poked = false;
    if (poked || ms <= 0) return Promise.resolve();
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
}
