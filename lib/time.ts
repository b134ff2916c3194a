/**
 * The one date format of the app: "2026-11-29 10:15:09 UTC" — the same shape as the upstream
 * payload times ("2025-12-31 10:15:30"), written by hand rather than with Intl so the server and
 * every browser produce the same characters (ICU versions differ: "Sep" vs "Sept" broke hydration).
 */
const pad = (n: number) => String(n).padStart(2, "0");

type DateLike = Date | string | number;

const toDate = (value: DateLike) => (value instanceof Date ? value : new Date(value));

/** "2026-11-29 10:15:09 UTC" (or without seconds); "—" for a missing or invalid value. */
export function formatUtc(value: DateLike | null | undefined, { seconds = true }: { seconds?: boolean } = {}): string {
  if (value === null || value === undefined) return "—";
  const d = toDate(value);
  if (Number.isNaN(d.getTime())) return "—";
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${seconds ? `:${pad(d.getUTCSeconds())}` : ""}`;
  return `${date} ${time} UTC`;
}

/** "10:15" (UTC), for chart axes. */
export function formatUtcClock(value: DateLike): string {
  const d = toDate(value);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "11-29" (UTC), for chart axes over days. */
export function formatUtcDay(value: DateLike): string {
  const d = toDate(value);
  return `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** "just now", "42 s ago", "3 min ago", "5 h ago", "2 days ago"; "in 4 min" for future times. */
export function formatRelative(value: DateLike, now: DateLike = Date.now()): string {
  const diff = toDate(now).getTime() - toDate(value).getTime();
  const future = diff < 0;
  const s = Math.abs(diff) / 1000;
  if (s < 5) return future ? "in a moment" : "just now";
  const [n, unit] =
    s < 60
      ? [Math.floor(s), "s"]
      : s < 3600
        ? [Math.floor(s / 60), "min"]
        : s < 86_400
          ? [Math.floor(s / 3600), "h"]
          : [Math.floor(s / 86_400), Math.floor(s / 86_400) === 1 ? "day" : "days"];
  return future ? `in ${n} ${unit}` : `${n} ${unit} ago`;
}

const INPUT_MINUTE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/;

/**
 * A time typed into a filter, read as UTC: "2026-11-29 10:15" (a "T" instead of the space is
 * accepted too, as in old URLs). Null when it is not such a time.
 */
export function parseUtcMinute(value: string): Date | null {
  const m = INPUT_MINUTE.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi));
  // Rejects 2026-02-30 and 25:00, which Date.UTC would roll over.
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || date.getUTCHours() !== h) return null;
  return date;
}

/** A Date as the value a filter input shows: "2026-11-29 10:15". */
export const toMinuteInput = (date: Date): string => formatUtc(date, { seconds: false }).slice(0, 16);
