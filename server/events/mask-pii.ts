/**
 * PII in event data: mobile numbers and message text, by field name (the catalog's names for
 * them across event types). Masked copies are what an account that masks PII stores in its
 * attempt log and sees in payload views; receivers always get the full values.
 */
const PII_FIELDS: Record<string, "phone" | "text"> = {
  mobile: "phone",
  from: "phone",
  mobile_number: "phone",
  text: "text",
};

/** `919812345678` → `9198XXXXX678`: the country and operator prefix and the last three digits stay. */
export function maskPhone(value: string): string {
  const plus = value.startsWith("+") ? "+" : "";
  const digits = value.slice(plus.length);
  if (digits.length < 6) return plus + "X".repeat(digits.length);
  const keepStart = digits.length >= 10 ? 4 : 2;
  return plus + digits.slice(0, keepStart) + "X".repeat(digits.length - keepStart - 3) + digits.slice(-3);
}

export const maskText = (value: string) => `[message hidden: ${[...value].length} characters]`;

const PII_KEYS = Object.keys(PII_FIELDS);

/**
 * A copy with the PII fields masked, keys in the same order; `data` itself when it has no PII
 * string to mask (read-only callers only: every send of an account that masks PII comes here).
 */
export function maskEventData(data: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | null = null;
  for (const key of PII_KEYS) {
    const value = Object.hasOwn(data, key) ? data[key] : undefined;
    if (typeof value !== "string") continue;
    out ??= { ...data };
    out[key] = PII_FIELDS[key] === "phone" ? maskPhone(value) : maskText(value);
  }
  return out ?? data;
}
