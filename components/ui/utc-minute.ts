import { parseUtcMinute } from "@/lib/time";

/**
 * Minute values of the time filters, read as UTC — every time in the app is shown in UTC. In the
 * URL they are "2026-11-29T10:15"; typed, "2026-11-29 10:15" (both are accepted everywhere).
 */
export const isUtcMinute = (value: string) => parseUtcMinute(value) !== null;

/** The start of the minute; null when the value is not a valid minute. */
export const utcMinuteStart = (value: string): Date | null => parseUtcMinute(value);

/** The end of the minute (exclusive), so a range "to 10:15" includes 10:15:59. */
export const utcMinuteEnd = (value: string): Date | null => {
  const start = parseUtcMinute(value);
  return start ? new Date(start.getTime() + 60_000) : null;
};

/** A Date as a URL minute value ("2026-11-29T10:15", UTC). */
export const toMinuteValue = (date: Date): string => date.toISOString().slice(0, 16);

/** Whether a from/to pair is backwards (the server would refuse it). */
export function isBackwardRange(from: string, to: string): boolean {
  const start = utcMinuteStart(from);
  const end = utcMinuteEnd(to);
  return Boolean(start && end && end <= start);
}
