import { expect, test } from "vitest";
import { formatRelative, formatUtc, formatUtcClock, parseUtcMinute, toMinuteInput } from "./time";

test("one format with seconds, the same everywhere (no Intl: September is never 'Sept')", () => {
  expect(formatUtc(new Date("2026-09-29T10:15:09.123Z"))).toBe("2026-09-29 10:15:09 UTC");
  expect(formatUtc("2026-11-29T23:05:00Z", { seconds: false })).toBe("2026-11-29 23:05 UTC");
  expect(formatUtc(null)).toBe("—");
  expect(formatUtc("not a date")).toBe("—");
  expect(formatUtcClock(new Date("2026-11-29T07:04:00Z"))).toBe("07:04");
});

test("relative times, past and future", () => {
  const now = Date.parse("2026-11-29T12:00:00Z");
  expect(formatRelative(now - 2_000, now)).toBe("just now");
  expect(formatRelative(now - 42_000, now)).toBe("42 s ago");
  expect(formatRelative(now - 3 * 60_000, now)).toBe("3 min ago");
  expect(formatRelative(now - 5 * 3600_000, now)).toBe("5 h ago");
  expect(formatRelative(now - 26 * 3600_000, now)).toBe("1 day ago");
  expect(formatRelative(now + 31 * 60_000, now)).toBe("in 31 min");
});

test("filter input: typed as 2026-11-29 10:15 (or with T), read as UTC; impossible dates refused", () => {
  expect(parseUtcMinute("2026-11-29 10:15")?.toISOString()).toBe("2026-11-29T10:15:00.000Z");
  expect(parseUtcMinute(" 2026-11-29T10:15 ")?.toISOString()).toBe("2026-11-29T10:15:00.000Z");
  expect(parseUtcMinute("11/29/2026 10:15")).toBeNull();
  expect(parseUtcMinute("2026-02-30 10:15")).toBeNull();
  expect(parseUtcMinute("2026-11-29 25:00")).toBeNull();
  expect(toMinuteInput(new Date("2026-11-29T10:15:59Z"))).toBe("2026-11-29 10:15");
});
