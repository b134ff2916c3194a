export type Scalar = string | number | boolean;
type FlatField = { path: string[]; value: Scalar };

/**
 * Leaf values of an event's data in their original order: nested objects and arrays become
 * paths (`media.id`, `items.0`), null/undefined are dropped, dates become ISO 8601 strings.
 */
export function flattenFields(data: Record<string, unknown>, prefix: string[] = []): FlatField[] {
  const out: FlatField[] = [];
  for (const [key, value] of Object.entries(data)) visit([...prefix, key], value, out);
  return out;
}

function visit(path: string[], value: unknown, out: FlatField[]): void {
  if (value === null || value === undefined) return;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    out.push({ path, value });
  } else if (typeof value === "bigint") {
    out.push({ path, value: value.toString() });
  } else if (value instanceof Date) {
    out.push({ path, value: value.toISOString() });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => visit([...path, String(index)], item, out));
  } else if (typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) visit([...path, key], inner, out);
  }
}
