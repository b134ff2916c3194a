import { and, eq, gte, inArray, type SQL } from "drizzle-orm";
import { deliveries } from "@/db/schema";

/**
 * The deliveries a replay may take: the endpoint's failed ones created at or after `since` — and,
 * when asked, the superseded ones (a later status of their message was sent instead).
 */
export function replayableWhere(
  accountId: string,
  endpointId: string,
  since: Date,
  { includeSuperseded = false }: { includeSuperseded?: boolean } = {},
): SQL {
  return and(
    eq(deliveries.accountId, accountId),
    eq(deliveries.endpointId, endpointId),
    includeSuperseded ? inArray(deliveries.status, ["failed", "superseded"]) : eq(deliveries.status, "failed"),
    gte(deliveries.createdAt, since),
  )!;
}
