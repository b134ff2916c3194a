import { invalid, type FieldIssue } from "@/server/errors";
import { MASKED_VALUE } from "./schemas";

type Header = { name: string; value: string };

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/**
 * Headers sent back from the form or API, with every MASKED_VALUE replaced by the stored value of
 * the header with that name (case-insensitive). A stored value only ever goes to the origin it
 * was saved for: when the URL's origin changes, masked values must be entered again — otherwise
 * anyone who can edit the endpoint could send its credentials to a host of their choosing.
 */
export function resolveHeaderValues(
  headers: Header[],
  stored: { headers: Header[]; url: string },
  url: string,
): Header[] {
  const sameOrigin = originOf(url) !== null && originOf(url) === originOf(stored.url);
  const issues: FieldIssue[] = [];
  const resolved = headers.map((h, i) => {
    if (h.value !== MASKED_VALUE) return { name: h.name, value: h.value };
    const saved = stored.headers.find((s) => s.name.toLowerCase() === h.name.toLowerCase());
    if (!saved) issues.push({ path: ["customHeaders", i, "value"], message: `Enter a value for '${h.name}'` });
    else if (!sameOrigin)
      issues.push({
        path: ["customHeaders", i, "value"],
        message: `Enter the value of '${h.name}' again: the URL now points to another server`,
      });
    return { name: h.name, value: saved?.value ?? "" };
  });
  if (issues.length) {
    const message = sameOrigin
      ? "Enter a value for the new header"
      : "The URL points to another server: enter the stored header values again";
    throw invalid(message, issues);
  }
  return resolved;
}
