import { describe, expect, it } from "vitest";
import { startDeadline, SWEEP_INTERVAL_MS } from "./deadline-sweep";

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("startDeadline", () => {
  it("expires each send once, not before its own timeout", async () => {
    const started = performance.now();
    const expired: { name: string; after: number }[] = [];
    startDeadline(60, () => expired.push({ name: "short", after: performance.now() - started }));
    startDeadline(150, () => expired.push({ name: "long", after: performance.now() - started }));
    await wait(400);
    expect(expired.map((e) => e.name)).toEqual(["short", "long"]);
    expect(expired[0]!.after).toBeGreaterThanOrEqual(60);
    expect(expired[1]!.after).toBeGreaterThanOrEqual(150);
  });

  it("never expires a send that finished first, and one throwing expiry does not stop the rest", async () => {
    const expired: string[] = [];
    const cancel = startDeadline(30, () => expired.push("cancelled"));
    startDeadline(30, () => {
      throw new Error("boom");
    });
    startDeadline(30, () => expired.push("kept"));
    cancel();
    await wait(30 + SWEEP_INTERVAL_MS * 8);
    expect(expired).toEqual(["kept"]);
  });
});
