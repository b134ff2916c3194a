import { MASKED_VALUE } from "./schemas";

type Header = { name: string; value: string };

/**
 * For a header sent back from the form or API: its own value, or — when it is MASKED_VALUE —
 * the stored value of the header with that name (case-insensitive), undefined if there is none.
 */
export function storedHeaderValue(header: Header, stored: Header[]): string | undefined {
  if (header.value !== MASKED_VALUE) return header.value;
  return stored.find((s) => s.name.toLowerCase() === header.name.toLowerCase())?.value;
}
