import type { ReadContext } from "@/server/auth/actor";
import { and, desc, eq, gt, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { deliveries, events } from "@/db/schema";
import { invalid } from "@/server/errors";
import { listEventsSchema, type EventStatus, type ListEventsInput } from "./list-events-schema";
import { findEventIds } from "./search-events";
import { parseSearchTerm } from "./search-term";

/** Matches of a search looked at per page (a transaction id matches one event, a busy mobile many). */
const SEARCH_CANDIDATES = 500;

type DeliveryCounts = { total: number; succeeded: number; failed: number; inFlight: number; superseded: number };

/**
 * One word for an event: any failure wins, then anything still on its way, then success (a
 * delivery superseded by a later status of its message is done, not failed).
 */
export function overallStatus(c: DeliveryCounts): EventStatus {
  if (c.total === 0) return "no_endpoints";
  if (c.failed > 0) return "failed";
  if (c.inFlight > 0) return "pending";
  return "succeeded";
}

/**
 * The account's events, newest first, each with a count of its deliveries by status. Keyset
 * pagination on (created_at, id) — the (account_id, created_at) index — with the last event's id
 * as the cursor; pass the returned `nextCursor` for the next page.
 */
export async function listEvents({ db, actor: { accountId } }: ReadContext, input: ListEventsInput = {}) {
  const { search, type, status, from, to, cursor, limit } = listEventsSchema.parse(input);

  const counts = db
    .select({
      total: sql<number>`count(*)::int`.as("total"),
      succeeded: sql<number>`(count(*) filter (where ${deliveries.status} = 'succeeded'))::int`.as("succeeded"),
      failed: sql<number>`(count(*) filter (where ${deliveries.status} = 'failed'))::int`.as("failed"),
      superseded: sql<number>`(count(*) filter (where ${deliveries.status} = 'superseded'))::int`.as("superseded"),
      inFlight:
        sql<number>`(count(*) filter (where ${deliveries.status} in ('pending', 'sending', 'retrying')))::int`.as(
          "in_flight",
        ),
    })
    .from(deliveries)
    .where(and(eq(deliveries.eventId, events.id), eq(deliveries.accountId, accountId)))
    .as("counts");

  const where: SQL[] = [eq(events.accountId, accountId)];
  if (type) where.push(eq(events.type, type));
  if (from) where.push(gte(events.createdAt, from));
  if (to) where.push(lt(events.createdAt, to));
  if (status === "succeeded")
    where.push(gt(counts.total, 0), eq(sql`${counts.succeeded} + ${counts.superseded}`, counts.total));
  if (status === "failed") where.push(gt(counts.failed, 0));
  if (status === "pending") where.push(gt(counts.inFlight, 0));
  if (status === "no_endpoints") where.push(eq(counts.total, 0));
  if (cursor) {
    const [found] = await db
      .select({ id: events.id })
      .from(events)
      .where(and(eq(events.id, cursor), eq(events.accountId, accountId)));
    if (!found)
      throw invalid("cursor is not an event of this account", [
        { path: ["cursor"], message: "Unknown cursor: pass the nextCursor of the previous page" },
      ]);
    // Compared in SQL so created_at keeps its microseconds.
    where.push(
      sql`(${events.createdAt}, ${events.id}) < (select c.created_at, c.id from events c where c.id = ${cursor})`,
    );
  }
  // A search first finds its (few) events through the search indexes; the filters then narrow those.
  let matches: string[] | null = null;
  if (search) {
    matches = await findEventIds(db, accountId, parseSearchTerm(search), { before: cursor, limit: SEARCH_CANDIDATES });
    if (!matches.length) return { data: [], nextCursor: null };
    where.push(inArray(events.id, matches));
  }

  const rows = await db
    .select({
      id: events.id,
      type: events.type,
      createdAt: events.createdAt,
      total: counts.total,
      succeeded: counts.succeeded,
      failed: counts.failed,
      inFlight: counts.inFlight,
      superseded: counts.superseded,
    })
    .from(events)
    .innerJoinLateral(counts, sql`true`)
    .where(and(...where))
    .orderBy(desc(events.createdAt), desc(events.id))
    .limit(limit + 1);

  const data = rows.slice(0, limit).map(({ total, succeeded, failed, inFlight, superseded, ...event }) => {
    const deliveryCounts = { total, succeeded, failed, inFlight, superseded };
    return { ...event, deliveries: deliveryCounts, status: overallStatus(deliveryCounts) };
  });
  if (rows.length > limit) return { data, nextCursor: data[data.length - 1]!.id };
  // More matches than were looked at (and the filters kept few): carry on after the last one looked at.
  const more = matches !== null && matches.length === SEARCH_CANDIDATES;
  return { data, nextCursor: more ? matches![matches!.length - 1]! : null };
}
