import { sql, type SQL } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db";
import { MOBILE_KEY } from "@/db/schema";
import type { SearchTerm } from "./search-term";

/**
 * "Find any message", answered from the search indexes events_search_{transaction,message,mobile}_idx
 * — (account_id, key, created_at) — one branch per key, newest first with a limit, unioned.
 * The newest events (at most `limit`) of the account whose id, transaction_id, message_id or
 * mobile number is the term — older than the `before` event when paging. Newest first.
 */
export async function findEventIds(
  db: DbOrTx,
  accountId: string,
  term: SearchTerm,
  { before, limit }: { before?: string | null; limit: number },
): Promise<string[]> {
  // Unqualified columns, so each match is written exactly as its index expression.
  const older = before
    ? sql`and (created_at, id) < (select c.created_at, c.id from events c where c.id = ${before})`
    : sql``;
  const branch = (match: SQL) =>
    sql`(select id, created_at from events where account_id = ${accountId} and ${match} ${older}
         order by created_at desc limit ${limit})`;

  let branches: SQL[];
  if (term.kind === "event") branches = [branch(sql`id = ${term.id}`)];
  else if (term.kind === "delivery")
    branches = [
      branch(sql`id = (select d.event_id from deliveries d where d.id = ${term.id} and d.account_id = ${accountId})`),
    ];
  else {
    branches = [
      branch(sql`(data ->> 'transaction_id') = ${term.value}`),
      branch(sql`(data ->> 'message_id') = ${term.value}`),
    ];
    if (term.mobile) branches.push(branch(sql`${MOBILE_KEY} = ${term.mobile}`));
  }
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from (${sql.join(branches, sql` union `)}) m order by created_at desc, id desc limit ${limit}`,
  );
  return rows.map((r) => r.id);
}
