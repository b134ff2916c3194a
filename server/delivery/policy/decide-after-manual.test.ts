import { describe, expect, test } from "vitest";
import type { SendOutcome } from "@/server/delivery/types";
import { decideAfterManual, scheduledAttemptNumber } from "./decide-after-manual";
import { parseSchedule } from "./retry-schedule";

const failed: SendOutcome = {
  ok: false,
  status: 500,
  headers: {},
  body: "",
  bodyTruncated: false,
  durationMs: 1,
  errorClass: "http_status",
  errorMessage: "x",
  retryAfterMs: null,
};
const now = new Date("2026-11-29T23:05:00Z");
const schedule = parseSchedule();
const mid = () => 0.5;

describe("decideAfterManual", () => {
  test("a failed manual attempt keeps the scheduled time (23:23 stays 23:23)", () => {
    const resumeAt = new Date("2026-11-29T23:23:00Z");
    expect(decideAfterManual(failed, { resumeAt, scheduledAttempts: 3 }, schedule, now, mid)).toEqual({
      kind: "retry",
      at: resumeAt,
    });
  });
  test("success and 410 behave as for any attempt", () => {
    expect(
      decideAfterManual({ ...failed, ok: true, status: 200 }, { resumeAt: null, scheduledAttempts: 8 }, schedule, now),
    ).toEqual({ kind: "succeeded" });
    expect(
      decideAfterManual({ ...failed, status: 410 }, { resumeAt: now, scheduledAttempts: 1 }, schedule, now),
    ).toEqual({
      kind: "failed",
      disableEndpoint: "Endpoint returned 410 Gone",
    });
  });
  test("without a scheduled time: the next step from now if one is left, else failed", () => {
    expect(decideAfterManual(failed, { resumeAt: null, scheduledAttempts: 2 }, schedule, now, mid)).toEqual({
      kind: "retry",
      at: new Date(now.getTime() + 300_000),
    });
    expect(decideAfterManual(failed, { resumeAt: null, scheduledAttempts: 8 }, schedule, now, mid)).toEqual({
      kind: "failed",
    });
  });
  test("manual attempts do not count as steps of the schedule", () => {
    expect(scheduledAttemptNumber({ attempts: 5, manualAttempts: 2 })).toBe(4);
  });
});
