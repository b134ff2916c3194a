import { sql, type SQL } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db";
import type { EndpointRow } from "@/db/schema";

/** An endpoint that may receive an account's events (not disabled), as ingestion plans with it. */
export type Subscriber = {
  id: string;
  eventTypes: string[];
  wabaNumber: string | null;
  status: EndpointRow["status"];
  ordered: boolean;
};

export type Subscribers = { list: Subscriber[]; fingerprint: string };

/**
 * A digest of what ingestion plans with: every field of the account's endpoints that decides
 * whether, and how, an event is delivered to them. The insert compares it with the one its plan
 * was made from (record-events.ts), so a plan from this process's cache is written only while
 * it is still true — whoever changed an endpoint, in whatever process. A failure streak or a
 * rename leaves it alone. `coalesce` keeps the fields in place (concat_ws skips nulls).
 */
export const subscriberFingerprint = (accountId: string): SQL =>
  sql`(select coalesce(md5(string_agg(concat_ws(':', f.id, f.status, f.ordered_delivery::text,
      coalesce(f.waba_number, ''), array_to_string(f.event_types, '|')), ',' order by f.id)), '')
    from endpoints f where f.account_id = ${accountId} and f.status <> 'disabled')`;

/** The account's subscribers and their fingerprint, read in one statement. */
export async function loadSubscribers(tx: DbOrTx, accountId: string): Promise<Subscribers> {
  // Prepared: every API call may run it, and it reads one account's endpoints through their index.
  const rows = await queryRows<{
    id: string | null;
    event_types: string[] | null;
    waba_number: string | null;
    status: EndpointRow["status"] | null;
    ordered_delivery: boolean | null;
    fingerprint: string;
  }>(
    tx,
    sql`select e.id, e.event_types, e.waba_number, e.status, e.ordered_delivery, fp.v as fingerprint
      from (select ${subscriberFingerprint(accountId)} as v) fp
      left join endpoints e on e.account_id = ${accountId} and e.status <> 'disabled'`,
    { prepare: true },
  );
  const list = rows
    .filter((r) => r.id !== null)
    .map((r) => ({
      id: r.id!,
      eventTypes: r.event_types!,
      wabaNumber: r.waba_number,
      status: r.status!,
      ordered: r.ordered_delivery!,
    }));
  return { list, fingerprint: rows[0]?.fingerprint ?? "" };
}

/** Accounts whose subscribers this process remembers; the oldest is forgotten past this. */
const CACHED_ACCOUNTS = 1_000;
const cache = new Map<string, Subscribers>();

/** The account's subscribers as this process last read them (the insert checks they still hold). */
export function cachedSubscribers(accountId: string): Subscribers | undefined {
  const hit = cache.get(accountId);
  if (hit) {
    // Most recently used last, so the first key is the one to forget.
    cache.delete(accountId);
    cache.set(accountId, hit);
  }
  return hit;
}

export function rememberSubscribers(accountId: string, subscribers: Subscribers) {
  cache.delete(accountId);
  cache.set(accountId, subscribers);
  if (cache.size > CACHED_ACCOUNTS) cache.delete(cache.keys().next().value!);
}

export function forgetSubscribers(accountId: string) {
  cache.delete(accountId);
}
