import { and, eq, gte, type SQL } from "drizzle-orm";
import { deliveries } from "@/db/schema";

/** The deliveries a replay may take: the endpoint's failed ones created at or after `since`. */
export function replayableWhere(accountId: string, endpointId: string, since: Date): SQL {
  return and(
    eq(deliveries.accountId, accountId),
    eq(deliveries.endpointId, endpointId),
    eq(deliveries.status, "failed"),
    gte(deliveries.createdAt, since),
  )!;
}
