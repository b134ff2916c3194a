import { describe, expect, it } from "vitest";
import { cancelDeadline, startDeadline, SWEEP_INTERVAL_MS } from "./deadline-sweep";

const on = (expire: () => void) => ({ expire });

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("startDeadline", () => {
  it("expires each send once, not before its own timeout", async () => {
    const started = performance.now();
    const expired: { name: string; after: number }[] = [];
    startDeadline(
      60,
      on(() => expired.push({ name: "short", after: performance.now() - started })),
    );
    startDeadline(
      150,
      on(() => expired.push({ name: "long", after: performance.now() - started })),
    );
    await wait(400);
    expect(expired.map((e) => e.name)).toEqual(["short", "long"]);
    expect(expired[0]!.after).toBeGreaterThanOrEqual(60);
    expect(expired[1]!.after).toBeGreaterThanOrEqual(150);
  });

  it("never expires a send that finished first, and one throwing expiry does not stop the rest", async () => {
    const expired: string[] = [];
    const cancelled = startDeadline(
      30,
      on(() => expired.push("cancelled")),
    );
    startDeadline(
      30,
      on(() => {
        throw new Error("boom");
      }),
    );
    startDeadline(
      30,
      on(() => expired.push("kept")),
    );
    cancelDeadline(cancelled);
    await wait(30 + SWEEP_INTERVAL_MS * 8);
    expect(expired).toEqual(["kept"]);
  });
});
