import type { FieldIssue } from "@/server/errors";

/** Deeper than any payload we accept; a guard against stack exhaustion in the layers below. */
export const MAX_INPUT_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why Postgres (or a recursive walk) could not take this string, or null. */
function unsafeString(s: string): string | null {
  if (s.includes("\0")) return "contains a NUL character";
  if (LONE_SURROGATE.test(s)) return "contains invalid Unicode (a lone surrogate)";
  return null;
}

/**
 * The first value in untrusted input that would fail below the validation layer rather than in
 * it: a string or key with a NUL character or a lone UTF-16 surrogate (text and jsonb refuse
 * both), or objects nested deeper than `maxDepth`. Walks without recursion, so any depth is safe.
 */
export function findUnsafeInput(value: unknown, maxDepth = MAX_INPUT_DEPTH): FieldIssue | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === "string") {
      const why = unsafeString(v);
      if (why) return { path, message: why };
      continue;
    }
    if (v === null || typeof v !== "object" || v instanceof Date) continue;
    if (path.length >= maxDepth) return { path, message: `is nested more than ${maxDepth} levels deep` };
    const entries: [string | number, unknown][] = Array.isArray(v)
      ? v.map((item, i) => [i, item])
      : Object.entries(v as Record<string, unknown>);
    for (const [key, item] of entries) {
      if (typeof key === "string") {
        const why = unsafeString(key);
        if (why) return { path: [...path, key], message: `name ${why}` };
      }
      stack.push({ value: item, path: [...path, key] });
    }
  }
  return null;
}
