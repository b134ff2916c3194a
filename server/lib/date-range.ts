/** Dates we store and query lie in this range; Postgres and ISO 8601 (4-digit years) both hold it. */
const MIN_DATE = new Date("1970-01-01T00:00:00.000Z");
const MAX_DATE = new Date("9999-12-31T23:59:59.999Z");

export const DATE_RANGE_MESSAGE = "must be between 1970-01-01 and 9999-12-31";

export function isDateInRange(d: Date): boolean {
  const t = d.getTime();
  return Number.isFinite(t) && t >= MIN_DATE.getTime() && t <= MAX_DATE.getTime();
}
