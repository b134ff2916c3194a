/**
 * `datetime-local` values ("2026-11-29T10:15") read as UTC — every time in the app is shown in
 * UTC, so the filters and pickers take UTC too.
 */
const MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export const isUtcMinute = (value: string) => MINUTE.test(value) && !Number.isNaN(Date.parse(`${value}:00Z`));

/** The start of the minute; null when the value is not a valid minute. */
export const utcMinuteStart = (value: string): Date | null => (isUtcMinute(value) ? new Date(`${value}:00Z`) : null);

/** The end of the minute (exclusive), so a range "to 10:15" includes 10:15:59. */
export const utcMinuteEnd = (value: string): Date | null =>
  isUtcMinute(value) ? new Date(Date.parse(`${value}:00Z`) + 60_000) : null;

/** A Date as a UTC `datetime-local` value. */
export const toMinuteValue = (date: Date): string => date.toISOString().slice(0, 16);

/** Whether a from/to pair is backwards (the server would refuse it). */
export function isBackwardRange(from: string, to: string): boolean {
  const start = utcMinuteStart(from);
  const end = utcMinuteEnd(to);
  return Boolean(start && end && end <= start);
}
