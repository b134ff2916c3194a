import { describe, expect, test } from "vitest";
import type { SendOutcome } from "@/server/delivery/types";
import { decideNext, RETRY_AFTER_MAX_MS } from "./decide-next";
import { parseSchedule } from "./retry-schedule";

const out = (o: Partial<SendOutcome>): SendOutcome => ({
  ok: false,
  status: 500,
  headers: {},
  body: "",
  bodyTruncated: false,
  durationMs: 1,
  errorClass: "http_status",
  errorMessage: "x",
  retryAfterMs: null,
  ...o,
});
const now = new Date("2026-01-01T00:00:00Z");
const mid = () => 0.5; // no jitter

describe("parseSchedule", () => {
  test("default: eight attempts from immediately to 10 h", () => {
    expect(parseSchedule()).toEqual([0, 5000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
  });
  test("override and bad entries", () => {
    expect(parseSchedule("0s,1s,250ms")).toEqual([0, 1000, 250]);
    expect(() => parseSchedule("0s,soon")).toThrow("soon");
  });
});

describe("decideNext", () => {
  const schedule = parseSchedule();
  test("2xx succeeds", () =>
    expect(decideNext(out({ ok: true, status: 200, errorClass: null }), 1, schedule, now)).toEqual({
      kind: "succeeded",
    }));
  test("500 after the first attempt retries in 5 s", () => {
    expect(decideNext(out({}), 1, schedule, now, mid)).toEqual({ kind: "retry", at: new Date(now.getTime() + 5000) });
  });
  test("jitter stays within ±20 %", () => {
    const lo = decideNext(out({}), 2, schedule, now, () => 0) as { at: Date };
    const hi = decideNext(out({}), 2, schedule, now, () => 0.999999) as { at: Date };
    expect(lo.at.getTime() - now.getTime()).toBe(240_000);
    expect(hi.at.getTime() - now.getTime()).toBeGreaterThan(359_000);
    expect(hi.at.getTime() - now.getTime()).toBeLessThanOrEqual(360_000);
  });
  test("3xx and network errors are failures that retry", () => {
    expect(decideNext(out({ status: 302 }), 1, schedule, now, mid).kind).toBe("retry");
    expect(decideNext(out({ status: null, errorClass: "timeout" }), 1, schedule, now, mid).kind).toBe("retry");
  });
  test("410 fails at once and disables the endpoint", () => {
    expect(decideNext(out({ status: 410 }), 1, schedule, now)).toEqual({
      kind: "failed",
      disableEndpoint: "Endpoint returned 410 Gone",
    });
  });
  test("the last attempt fails the delivery", () => {
    expect(decideNext(out({}), schedule.length, schedule, now)).toEqual({ kind: "failed" });
  });
  test("Retry-After is honoured when longer, clamped to one hour", () => {
    expect(decideNext(out({ status: 429, retryAfterMs: 60_000 }), 1, schedule, now, mid)).toEqual({
      kind: "retry",
      at: new Date(now.getTime() + 60_000),
    });
    expect(decideNext(out({ status: 429, retryAfterMs: 1000 }), 1, schedule, now, mid)).toEqual({
      kind: "retry",
      at: new Date(now.getTime() + 5000),
    });
    expect(decideNext(out({ status: 503, retryAfterMs: 86_400_000 }), 1, schedule, now, mid)).toEqual({
      kind: "retry",
      at: new Date(now.getTime() + RETRY_AFTER_MAX_MS),
    });
  });
});
