import { sql, type SQL } from "drizzle-orm";

/**
 * The WHERE of a batch update of `deliveries d` from a CTE named `input` (one row per delivery,
 * aliased `alias`): the deliveries are found by primary key alone, `d.id = any(array(…))`, and
 * only then matched to their input row. Written as a join, the planner — with statistics from
 * when the table was smaller — hash-joined the batch to `deliveries` and read the whole table for
 * each batch of 50.
 */
export function matchesInputId(alias: string, idColumn = "id"): SQL {
  return sql.raw(`d.id = any(array(select ${idColumn} from input)) and d.id = ${alias}.${idColumn}`);
}
