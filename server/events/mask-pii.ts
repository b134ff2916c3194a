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

export function maskEventData(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const kind = PII_FIELDS[key];
    out[key] = typeof value !== "string" || !kind ? value : kind === "phone" ? maskPhone(value) : maskText(value);
  }
  return out;
}
