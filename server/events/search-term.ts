import { z } from "zod";

/**
 * "Find any message": one search box for an event id, a delivery id (= the `webhook-id` your
 * server received), a `transaction_id`, a `message_id`, or a mobile number (with or without "+",
 * spaces allowed). Exact matches only, each answered from an index:
 * events_search_{transaction,message,mobile}_idx — (account_id, key, created_at).
 */
export const searchTermSchema = z
  .string()
  .trim()
  .min(1, "search must not be empty")
  .max(256, "search must be at most 256 characters");

export type SearchTerm =
  | { kind: "event"; id: string }
  | { kind: "delivery"; id: string }
  | { kind: "key"; value: string; mobile: string | null };

/** What a search term is: an id Hookline issued, or a value to look up in the event data. */
export function parseSearchTerm(term: string): SearchTerm {
  const t = term.trim();
  if (/^evt_[0-9a-z]{10,40}$/.test(t)) return { kind: "event", id: t };
  if (/^dlv_[0-9a-z]{10,40}$/.test(t)) return { kind: "delivery", id: t };
  const phoneLike = /^\+?[\d\s().-]{6,24}$/.test(t);
  const digits = phoneLike ? t.replace(/\D/g, "") : "";
  return { kind: "key", value: t, mobile: digits.length >= 6 ? digits : null };
}
