import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { machineIdleSince, sampleMachineCpu } from "./machine-cpu";

describe.runIf(existsSync("/proc/stat"))("machine CPU share (Linux /proc/stat)", () => {
  it("reads idle and total jiffies, idle never above the total", () => {
    const s = sampleMachineCpu();
    expect(s).not.toBeNull();
    expect(s!.total).toBeGreaterThan(0);
    expect(s!.idle).toBeGreaterThanOrEqual(0);
    expect(s!.idle).toBeLessThanOrEqual(s!.total);
  });

  it("gives the idle share between two samples as a fraction of all cores' time", async () => {
    const before = sampleMachineCpu();
    // Jiffies tick every 1–10 ms: wait long enough for the total to move.
    await new Promise((r) => setTimeout(r, 200));
    const idle = machineIdleSince(before);
    expect(idle).not.toBeNull();
    expect(idle!).toBeGreaterThanOrEqual(0);
    expect(idle!).toBeLessThanOrEqual(1);
  });

  it("has no share without a first sample or before the clock moved", () => {
    expect(machineIdleSince(null)).toBeNull();
    const now = sampleMachineCpu()!;
    expect(machineIdleSince({ idle: now.idle, total: now.total + 1e12 })).toBeNull();
  });
});
